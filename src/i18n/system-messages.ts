// The messages Guichet itself writes in a request's thread (« Votre requête … a été prise en charge
// par … »). They are stored as a kind, not as text, and rendered here in the reader's language: a
// request read in English says so in English, whatever the language of the agent who acted.
import type { Locale } from "@/i18n/routing";

export type SystemMessageKind = "taken_in_charge" | "voicemail_received";

const TEXTS: Record<SystemMessageKind, Record<Locale, (p: { number: string; agentName: string }) => string>> = {
  taken_in_charge: {
    fr: ({ number, agentName }) => `Votre requête ${number} a été prise en charge par ${agentName}.`,
    en: ({ number, agentName }) => `Your request ${number} has been taken in charge by ${agentName}.`,
  },
  // The first (internal) message of a request the telephone system opened for a voicemail.
  voicemail_received: {
    fr: () => "Message vocal laissé sur la ligne téléphonique : écoutez l'enregistrement, puis rappelez la personne au numéro de l'appel.",
    en: () => "Voicemail left on the phone line: listen to the recording, then call the person back at the caller's number.",
  },
};

export function isSystemMessageKind(kind: string | null | undefined): kind is SystemMessageKind {
  return kind != null && Object.hasOwn(TEXTS, kind);
}

/**
 * A thread message's text for its reader: a system message rendered from its kind (its author is
 * the agent who acted; « l'équipe » if that account is gone), any other message as written.
 */
export function messageText(
  message: { body: string; systemKind: string | null; authorName?: string | null },
  number: string,
  locale: Locale,
): string {
  if (!isSystemMessageKind(message.systemKind)) return message.body;
  const agentName = message.authorName ?? (locale === "en" ? "the team" : "l'équipe");
  return TEXTS[message.systemKind][locale]({ number, agentName });
}
