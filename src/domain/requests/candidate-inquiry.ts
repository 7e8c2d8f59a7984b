// The candidate's written inquiry and the two guards of the CA-dotation document: no request of a
// nominative nature is handled in writing (the candidate must call, so identity can be validated),
// and topics outside the mandate are redirected instead of being accepted.
import type { LocalizedText } from "../catalogue/service-profile";

export const CANDIDATE_TOPICS = [
  "online-systems",
  "qualification-process",
  "staffing-general",
  "my-candidate-file",
  "my-employee-file",
  "job-posting",
] as const;
export type CandidateTopic = (typeof CANDIDATE_TOPICS)[number];

export type TopicGuard =
  | { kind: "accepted" }
  /** About the candidate's own file: only by phone, after identity validation. */
  | { kind: "nominative" }
  /** Outside CA-dotation's mandate: where to go instead. */
  | { kind: "out-of-scope"; reason: "employee-file" | "job-posting"; redirect: LocalizedText };

export const TOPIC_LABELS: Record<CandidateTopic, LocalizedText> = {
  "online-systems": {
    fr: "Utilisation des systèmes de dotation en ligne (compte, mot de passe, dépôt d'une candidature)",
    en: "Using the online staffing systems (account, password, applying)",
  },
  "qualification-process": {
    fr: "Processus de qualification (information générale)",
    en: "Qualification processes (general information)",
  },
  "staffing-general": {
    fr: "Autre question générale sur la dotation dans la fonction publique",
    en: "Other general question about staffing in the public service",
  },
  "my-candidate-file": {
    fr: "Mon propre dossier de candidature (résultats, admissibilité, renseignements à mon sujet)",
    en: "My own candidate file (results, eligibility, information about me)",
  },
  "my-employee-file": {
    fr: "Mon dossier d'employé ou la gestion de ma carrière",
    en: "My employee file or my career management",
  },
  "job-posting": {
    fr: "Un appel de candidatures précis, l'offre d'un ministère ou organisme, ou le suivi de mon dossier dans ce processus",
    en: "A specific job posting, a ministry's or organization's offer, or the follow-up of my file in that process",
  },
};

export function guardCandidateTopic(topic: CandidateTopic): TopicGuard {
  switch (topic) {
    case "online-systems":
    case "qualification-process":
    case "staffing-general":
      return { kind: "accepted" };
    case "my-candidate-file":
      return { kind: "nominative" };
    case "my-employee-file":
      return {
        kind: "out-of-scope",
        reason: "employee-file",
        redirect: {
          fr: "Le CA-dotation ne répond pas aux questions sur le dossier d'un employé ni sur la gestion de sa carrière. Adressez-vous à la direction des ressources humaines de votre ministère ou organisme.",
          en: "CA-dotation does not answer questions about an employee's own file or career management. Please contact the human resources branch of your ministry or organization.",
        },
      };
    case "job-posting":
      return {
        kind: "out-of-scope",
        reason: "job-posting",
        redirect: {
          fr: "Le CA-dotation ne répond pas aux questions sur un appel de candidatures précis, sur l'offre d'un ministère ou organisme ni sur le suivi d'un dossier dans ces processus. Communiquez avec le ministère ou l'organisme responsable : ses coordonnées figurent dans l'appel de candidatures.",
          en: "CA-dotation does not answer questions about a specific job posting, a ministry's or organization's offer, or the follow-up of a file in those processes. Please contact the ministry or organization in charge: its contact details are in the job posting.",
        },
      };
  }
}
