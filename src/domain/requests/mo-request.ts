// The Formulaire de requête dotation: MO staffing specialists ask for help with Emplois en ligne.
import type { LocalizedText } from "../catalogue/service-profile";

export const MO_FUNCTIONS = ["postings", "applications", "qualified-pools", "job-offers", "user-access", "reports", "other"] as const;
export type MoFunction = (typeof MO_FUNCTIONS)[number];

export const MO_FUNCTION_LABELS: Record<MoFunction, LocalizedText> = {
  postings: { fr: "Appels de candidatures", en: "Job postings" },
  applications: { fr: "Gestion des candidatures", en: "Applications" },
  "qualified-pools": { fr: "Banques de personnes qualifiées", en: "Pools of qualified persons" },
  "job-offers": { fr: "Offres d'emploi et affichage", en: "Job offers and posting" },
  "user-access": { fr: "Comptes et accès des utilisateurs", en: "User accounts and access" },
  reports: { fr: "Rapports", en: "Reports" },
  other: { fr: "Autre fonction", en: "Other function" },
};

export const MO_NATURES = ["how-to", "malfunction", "access-change", "other"] as const;
export type MoNature = (typeof MO_NATURES)[number];

export const MO_NATURE_LABELS: Record<MoNature, LocalizedText> = {
  "how-to": { fr: "Question sur l'utilisation", en: "How-to question" },
  malfunction: { fr: "Anomalie ou problème technique", en: "Malfunction or technical problem" },
  "access-change": { fr: "Demande d'accès ou de modification", en: "Access or change request" },
  other: { fr: "Autre", en: "Other" },
};

/** The centres an MO's people write to, and the roles that submit and follow their MO's requests there. */
export const MO_CENTRES = ["ca-dotation", "sagir"] as const;
export type MoCentre = (typeof MO_CENTRES)[number];

export const CENTRE_ROLES: Record<MoCentre, readonly string[]> = {
  "ca-dotation": ["mo_specialist", "mo_pilot"],
  sagir: ["sagir_user", "mo_pilot"],
};

/** The centres a role of an MO can be given access to (the pilot chooses among them). */
export function centresForRole(role: string): MoCentre[] {
  return MO_CENTRES.filter((c) => CENTRE_ROLES[c].includes(role));
}

/** The status filter of an MO's list of its requests: "open" is new, in progress or waiting. */
export const MO_LIST_STATUSES = ["open", "new", "in_progress", "waiting_requester", "resolved", "closed", "all"] as const;
export type MoListStatus = (typeof MO_LIST_STATUSES)[number];
