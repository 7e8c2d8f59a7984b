// The agents' canned replies, in French and English, for the situations the two source documents
// describe. Seeded into `canned_reply`. Placeholders, filled in the request's language: `{numero}`
// (the request number), `{telephones}` and `{heures}` (the audience's phone numbers and the hours of
// its calendar, from the catalogue in force: never typed into a reply, where they went stale when a
// manager edited the hours) and `{date}` (the date an avis de délai promises).
import type { LocalizedText } from "../catalogue/service-profile";
import type { ReplyKind } from "./targets";

export type CannedReplyDefinition = {
  id: string;
  serviceId: "ca-dotation" | "sagir";
  kind: ReplyKind;
  title: LocalizedText;
  body: LocalizedText;
};

export const CANNED_REPLIES: readonly CannedReplyDefinition[] = [
  {
    id: "cad-nominative-call-us",
    serviceId: "ca-dotation",
    kind: "redirection",
    title: { fr: "Demande nominative reçue par écrit : appelez-nous", en: "Personal request received in writing: call us" },
    body: {
      fr: "Bonjour,\n\nVotre message ({numero}) concerne votre propre dossier. Pour protéger vos renseignements personnels, nous ne traitons pas ces demandes par écrit : nous devons d'abord valider votre identité au téléphone.\n\nAppelez le Centre d'assistance en dotation au {telephones}, {heures}.\n\nMerci de votre compréhension.",
      en: "Hello,\n\nYour message ({numero}) is about your own file. To protect your personal information, we do not handle such requests in writing: we must first validate your identity by phone.\n\nCall the staffing help centre at {telephones}, {heures}.\n\nThank you for your understanding.",
    },
  },
  {
    id: "cad-out-of-mandate-employee-file",
    serviceId: "ca-dotation",
    kind: "redirection",
    title: { fr: "Hors mandat : dossier d'employé ou carrière", en: "Out of mandate: employee file or career" },
    body: {
      fr: "Bonjour,\n\nVotre question ({numero}) porte sur votre dossier d'employé ou la gestion de votre carrière, qui ne relèvent pas du Centre d'assistance en dotation. Adressez-vous à la direction des ressources humaines de votre ministère ou organisme : elle est la seule à pouvoir vous répondre.\n\nCordialement.",
      en: "Hello,\n\nYour question ({numero}) is about your employee file or your career management, which the staffing help centre does not handle. Please contact the human resources branch of your ministry or organization: only it can answer you.\n\nKind regards.",
    },
  },
  {
    id: "cad-out-of-mandate-job-posting",
    serviceId: "ca-dotation",
    kind: "redirection",
    title: { fr: "Hors mandat : appel de candidatures précis ou offre d'un MO", en: "Out of mandate: a specific job posting or an MO's offer" },
    body: {
      fr: "Bonjour,\n\nVotre question ({numero}) porte sur un appel de candidatures précis, l'offre d'un ministère ou organisme ou le suivi de votre dossier dans ce processus. Communiquez avec la personne-ressource indiquée dans l'appel de candidatures ou dans l'offre : le ministère ou organisme qui l'a publié est responsable de son suivi.\n\nCordialement.",
      en: "Hello,\n\nYour question ({numero}) is about a specific job posting, a ministry's or organization's offer, or the follow-up of your file in that process. Please contact the person named in the posting or the offer: the ministry or organization that published it handles its follow-up.\n\nKind regards.",
    },
  },
  {
    id: "cad-delay-notice",
    serviceId: "ca-dotation",
    kind: "delay_notice",
    title: { fr: "Avis de délai", en: "Delay notice" },
    body: {
      fr: "Bonjour,\n\nNous avons bien reçu votre demande ({numero}). Elle demande une analyse plus approfondie : nous vous répondrons au plus tard le {date}.\n\nMerci de votre patience.",
      en: "Hello,\n\nWe have received your request ({numero}). It needs further analysis: we will answer you by {date} at the latest.\n\nThank you for your patience.",
    },
  },
  {
    id: "sagir-delay-notice",
    serviceId: "sagir",
    kind: "delay_notice",
    title: { fr: "Avis de délai", en: "Delay notice" },
    body: {
      fr: "Bonjour,\n\nVotre requête {numero} est prise en charge. Son traitement demande une analyse plus approfondie : nous vous donnerons une réponse au plus tard le {date}.\n\nLe Centre d'assistance SAGIR",
      en: "Hello,\n\nYour request {numero} has been taken in charge. It needs further analysis: we will answer you by {date} at the latest.\n\nThe SAGIR help centre",
    },
  },
  {
    id: "sagir-password-reset",
    serviceId: "sagir",
    kind: "answer",
    title: { fr: "Réinitialisation du mot de passe SAGIR : étapes", en: "SAGIR password reset: steps" },
    body: {
      fr: "Bonjour,\n\nVoici comment réinitialiser votre mot de passe SAGIR :\n1. À la page de connexion de SAGIR, choisissez « Mot de passe oublié ».\n2. Entrez votre code d'utilisateur, puis répondez à vos questions de sécurité.\n3. Choisissez un nouveau mot de passe (au moins 8 caractères, dont une majuscule, une minuscule et un chiffre) et confirmez-le.\n4. Fermez votre navigateur, puis reconnectez-vous avec le nouveau mot de passe.\n\nSi votre compte est verrouillé ou si vous n'avez pas de questions de sécurité, répondez à ce message : nous le déverrouillerons.\n\nLe Centre d'assistance SAGIR",
      en: "Hello,\n\nHere is how to reset your SAGIR password:\n1. On SAGIR's sign-in page, choose \"Forgot password\".\n2. Enter your user code, then answer your security questions.\n3. Choose a new password (at least 8 characters, with an upper-case letter, a lower-case letter and a digit) and confirm it.\n4. Close your browser, then sign in again with the new password.\n\nIf your account is locked or you have no security questions, reply to this message: we will unlock it.\n\nThe SAGIR help centre",
    },
  },
  {
    id: "sagir-late-departure-notice",
    serviceId: "sagir",
    kind: "answer",
    title: { fr: "Avis de départ tardif", en: "Late departure notice" },
    body: {
      fr: "Bonjour,\n\nNous avons bien reçu votre avis de départ ({numero}). Il nous est parvenu moins de 48 heures ouvrables avant la saisie prévue du départ dans SAGIR : nous le traitons en priorité, mais la fin des accès pourrait suivre la date prévue. À l'avenir, transmettez l'avis au moins 48 heures ouvrables avant la saisie.\n\nLe Centre d'assistance SAGIR",
      en: "Hello,\n\nWe have received your departure notice ({numero}). It reached us less than 48 business hours before the departure is entered in SAGIR: we are handling it first, but access may end after the planned date. In the future, please send the notice at least 48 business hours before it is entered.\n\nThe SAGIR help centre",
    },
  },
];

/** The text of a canned reply with its placeholders filled. */
export type CannedReplyValues = { number: string; promisedDate?: string | null; phones?: string; hours?: string };

/** The placeholders replaced by the values given; one without a value stays as it is. */
export function fillCannedReply(body: string, values: CannedReplyValues): string {
  return body
    .replaceAll("{numero}", values.number)
    .replaceAll("{date}", values.promisedDate ?? "{date}")
    .replaceAll("{telephones}", values.phones ?? "{telephones}")
    .replaceAll("{heures}", values.hours ?? "{heures}");
}

/** The placeholders a canned reply may hold; `{date}` only in a delay notice (the date it promises). */
export const CANNED_PLACEHOLDERS = ["{numero}", "{telephones}", "{heures}", "{date}"] as const;

/** The placeholders of a text that are not known (`{…}` other than CANNED_PLACEHOLDERS), or `{date}` outside a delay notice. */
export function unknownPlaceholders(text: string, kind: string): string[] {
  const allowed = new Set<string>(kind === "delay_notice" ? CANNED_PLACEHOLDERS : CANNED_PLACEHOLDERS.filter((p) => p !== "{date}"));
  return [...new Set(text.match(/\{[^{}\s]{1,40}\}/g) ?? [])].filter((p) => !allowed.has(p));
}
