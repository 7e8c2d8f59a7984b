// Communiqués (operational communications of the centres and of the MOs): the rules that need no
// database — the groups an audience is made of, which roles each centre writes to, who may write
// a communiqué of which source, its number (the fingerprint: ./fingerprint.ts).
import type { LocalizedText } from "../catalogue/service-profile";

export const COMMUNIQUE_SERVICES = ["ca-dotation", "sagir"] as const;
export type CommuniqueService = (typeof COMMUNIQUE_SERVICES)[number];

/** Who wrote it: the DGGIR (SAGIR's communiqués, sent by the centre), CA-dotation, or one MO (its pilot). */
export const COMMUNIQUE_SOURCES = ["dggir", "ca-dotation", "mo"] as const;
export type CommuniqueSource = (typeof COMMUNIQUE_SOURCES)[number];

export const COMMUNIQUE_STATUSES = ["draft", "submitted", "returned", "scheduled", "sent"] as const;
export type CommuniqueStatus = (typeof COMMUNIQUE_STATUSES)[number];

/** The SAGIR user groups of the seed (« groupes d'utilisateurs spécifiques »), set per person by their MO's pilot. */
export const SAGIR_GROUPS = ["lscd-employee", "lscd-manager", "lsa-employee", "lsa-manager", "lsh-employee", "lsh-manager", "rf", "rm", "rh", "security"] as const;
export type SagirGroup = (typeof SAGIR_GROUPS)[number];

export const SAGIR_GROUP_LABELS: Record<SagirGroup, LocalizedText> = {
  "lscd-employee": { fr: "Libre-service LSCD — employés", en: "LSCD self-service — employees" },
  "lscd-manager": { fr: "Libre-service LSCD — gestionnaires", en: "LSCD self-service — managers" },
  "lsa-employee": { fr: "Libre-service LSA — employés", en: "LSA self-service — employees" },
  "lsa-manager": { fr: "Libre-service LSA — gestionnaires", en: "LSA self-service — managers" },
  "lsh-employee": { fr: "Libre-service LSH — employés", en: "LSH self-service — employees" },
  "lsh-manager": { fr: "Libre-service LSH — gestionnaires", en: "LSH self-service — managers" },
  rf: { fr: "Responsabilités spécialisées RF (ressources financières)", en: "Specialized FR responsibilities (financial resources)" },
  rm: { fr: "Responsabilités spécialisées RM (ressources matérielles)", en: "Specialized MR responsibilities (material resources)" },
  rh: { fr: "Responsabilités spécialisées RH (ressources humaines)", en: "Specialized HR responsibilities (human resources)" },
  security: { fr: "Sécurité (accès à SAGIR)", en: "Security (SAGIR access)" },
};

/** The roles a centre's communiqués reach: the MO people who use that centre. */
export const COMMUNIQUE_ROLES: Record<CommuniqueService, readonly ("mo_specialist" | "sagir_user" | "mo_pilot")[]> = {
  "ca-dotation": ["mo_specialist", "mo_pilot"],
  sagir: ["sagir_user", "mo_pilot"],
};
export const AUDIENCE_ROLES = ["mo_specialist", "sagir_user", "mo_pilot"] as const;
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];

export const ORGANIZATION_SCOPES = ["all", "adhered", "list"] as const;
export type OrganizationScope = (typeof ORGANIZATION_SCOPES)[number];

/**
 * The groups a communiqué goes to. A person is reached when they are active, may use the
 * communiqué's centre (their MO subscribes to it and their pilot gave it to them), hold one of the
 * roles, belong to one of the organizations, and — when groups are chosen — to one of the groups.
 */
export type CommuniqueAudience = {
  organizations: OrganizationScope;
  /** For « list »: the MOs chosen. */
  organizationIds: string[];
  roles: AudienceRole[];
  /** SAGIR only; empty: every SAGIR user of the roles chosen. */
  groups: SagirGroup[];
};

/** The sources a centre's staff write: the DGGIR's communiqués go out through the SAGIR centre. */
export const STAFF_SOURCE: Record<CommuniqueService, CommuniqueSource> = { "ca-dotation": "ca-dotation", sagir: "dggir" };

/** What is wrong with an audience for a service and source, as field keys (empty: nothing). */
export function audienceProblems(service: CommuniqueService, source: CommuniqueSource, audience: CommuniqueAudience): ("roles" | "groups" | "organizationIds" | "organizations")[] {
  const problems: ("roles" | "groups" | "organizationIds" | "organizations")[] = [];
  if (audience.roles.length === 0 || audience.roles.some((r) => !COMMUNIQUE_ROLES[service].includes(r))) problems.push("roles");
  if (service !== "sagir" && audience.groups.length > 0) problems.push("groups");
  // An MO's communiqué reaches its own people only: the MO is its audience, never a choice.
  if (source === "mo" && audience.organizations !== "list") problems.push("organizations");
  if (audience.organizations === "list" && audience.organizationIds.length === 0) problems.push("organizationIds");
  if (service === "ca-dotation" && audience.organizations === "adhered") problems.push("organizations");
  return problems;
}

/** COM-SAG-2026-004: the service's prefix, the Québec year, a sequence without gaps per prefix and year. */
export const COMMUNIQUE_PREFIX: Record<CommuniqueService, string> = { "ca-dotation": "COM-CAD", sagir: "COM-SAG" };
export function formatCommuniqueNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(3, "0")}`;
}

/** A communiqué's texts in the reader's language: English when it has an English version, else French. */
export function communiqueTextsIn(row: { titleFr: string; bodyFr: string; titleEn: string | null; bodyEn: string | null }, locale: "fr" | "en"): { lang: "fr" | "en"; title: string; body: string } {
  return locale === "en" && row.titleEn && row.bodyEn ? { lang: "en", title: row.titleEn, body: row.bodyEn } : { lang: "fr", title: row.titleFr, body: row.bodyFr };
}

/** The request type of a question about a communiqué (« Poser une question sur ce communiqué »). */
export const COMMUNIQUE_QUESTION_TYPE = "communique-question";
export const COMMUNIQUE_QUESTION_LABEL: LocalizedText = { fr: "Question sur un communiqué", en: "Question about a communiqué" };
