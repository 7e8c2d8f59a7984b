// Labels of request types across the two centres (candidate topics, MO form functions and
// natures, SAGIR request types), for the console's lists and views.
import { COMMUNIQUE_QUESTION_LABEL, COMMUNIQUE_QUESTION_TYPE } from "@/domain/communiques/communiques";
import { TOPIC_LABELS, type CandidateTopic } from "@/domain/requests/candidate-inquiry";
import { MO_FUNCTION_LABELS, MO_NATURE_LABELS, type MoFunction, type MoNature } from "@/domain/requests/mo-request";
import { SAGIR_TYPE_LABELS, type SagirRequestType } from "@/domain/requests/sagir-request";
import type { Locale } from "@/i18n/routing";

/** A request opened from an e-mail has no type until an agent classifies it. */
const EMAIL_TYPE = { fr: "Courriel (à classer)", en: "E-mail (to classify)" } as const;
const VOICEMAIL_TYPE = { fr: "Message vocal (à classer)", en: "Voicemail (to classify)" } as const;

export function requestTypeText(serviceId: string, type: string, locale: Locale): string {
  if (type === "email") return EMAIL_TYPE[locale];
  if (type === "voicemail") return VOICEMAIL_TYPE[locale];
  if (type === COMMUNIQUE_QUESTION_TYPE) return COMMUNIQUE_QUESTION_LABEL[locale];
  const label =
    serviceId === "sagir"
      ? SAGIR_TYPE_LABELS[type as SagirRequestType]
      : (TOPIC_LABELS[type as CandidateTopic] ?? MO_NATURE_LABELS[type as MoNature] ?? MO_FUNCTION_LABELS[type as MoFunction]);
  return label?.[locale] ?? type;
}
