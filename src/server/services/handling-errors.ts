import "server-only";
// The refusals every handling use case shares (handle-request, second-level, quality-review): a
// change made meanwhile (CONFLICT, nothing saved, the text kept), and a refusal in both languages,
// at a field when one is named.
import { AppError } from "@/server/errors";

export function conflict(): AppError {
  return new AppError("CONFLICT", "request changed meanwhile", {}, {
    localized: {
      fr: "Quelqu'un d'autre vient de modifier cette requête. Son état actuel est affiché ; votre texte est conservé : relisez-le, puis envoyez-le de nouveau si c'est toujours utile.",
      en: "Someone else has just changed this request. Its current state is shown; your text is kept: review it, then send it again if it is still needed.",
    },
  });
}

export function refused(fr: string, en: string, field?: string): AppError {
  if (field) return new AppError("INVALID_PARAMETER", en, { [field]: { fr, en } });
  return new AppError("REFUSED", en, {}, { localized: { fr, en } });
}
