// SAGIR's Outil Requête: one typed form per request type of the SAGIR service document
// (shared/seeds, "Description des services offerts"), and the departure notice's lead-time rule
// (service-catalogue spec §6). Labels live here so the forms, the detail pages and the API agree.
import { clockDuration } from "../telephony/duration";
import type { CatalogueEngine } from "../catalogue/engine";
import type { LocalizedText } from "../catalogue/service-profile";
import { dayNumberFromIsoDate, getZone, isoDateFromDayNumber, ymdFromDayNumber } from "../catalogue/zone";

export const SAGIR_REQUEST_TYPES = ["access", "self-service", "specialised", "training", "arrival", "departure", "parametrization"] as const;
export type SagirRequestType = (typeof SAGIR_REQUEST_TYPES)[number];

/** French URL segments of the forms (/sagir/outil-requete/{slug}). */
export const SAGIR_TYPE_SLUGS: Record<SagirRequestType, string> = {
  access: "acces-et-mot-de-passe",
  "self-service": "libre-service",
  specialised: "responsabilites-specialisees",
  training: "formation-sga",
  arrival: "arrivee-employe",
  departure: "depart-employe",
  parametrization: "parametrage-modules",
};

export function sagirTypeFromSlug(slug: string): SagirRequestType | null {
  return SAGIR_REQUEST_TYPES.find((t) => SAGIR_TYPE_SLUGS[t] === slug) ?? null;
}

export const SAGIR_TYPE_LABELS: Record<SagirRequestType, LocalizedText> = {
  access: { fr: "Accès à SAGIR et mot de passe", en: "SAGIR access and password" },
  "self-service": { fr: "Soutien aux libre-service LSCD, LSA et LSH", en: "Self-service help (LSCD, LSA, LSH)" },
  specialised: { fr: "Question — responsabilités spécialisées RF, RM ou RH", en: "Question — specialised RF, RM or HR responsibilities" },
  training: { fr: "Inscription à une formation SGA", en: "SGA training enrolment" },
  arrival: { fr: "Arrivée d'un nouvel employé", en: "New employee arrival" },
  departure: { fr: "Départ d'un employé", en: "Employee departure" },
  parametrization: { fr: "Paramétrage des modules RF et RM", en: "RF and RM module parametrization" },
};

/** What the centre does for each type, from the SAGIR document. */
export const SAGIR_TYPE_DESCRIPTIONS: Record<SagirRequestType, LocalizedText> = {
  access: {
    fr: "Demande d'accès, changement de responsabilités, réinitialisation ou problème de mot de passe.",
    en: "Access request, change of responsibilities, password reset or password problem.",
  },
  "self-service": {
    fr: "Aide technique aux employés et aux gestionnaires qui utilisent les libre-service LSCD, LSA et LSH.",
    en: "Technical help for employees and managers using the LSCD, LSA and LSH self-services.",
  },
  specialised: {
    fr: "Soutien technique et analyse pour les usagers ayant des responsabilités spécialisées en RF, RM ou RH.",
    en: "Technical support and analysis for users with specialised RF, RM or HR responsibilities.",
  },
  training: {
    fr: "Inscription de participants aux formations SGA selon les consignes de votre organisation.",
    en: "Enrolment of participants in SGA training as your organization directs.",
  },
  arrival: {
    fr: "Accès et paramètres d'un nouvel employé : le dossier personne doit exister dans SAGIR et l'employé doit avoir une adresse courriel fonctionnelle.",
    en: "Access and settings for a new employee: the person file must exist in SAGIR and the employee must have a working e-mail address.",
  },
  departure: {
    fr: "Retrait des accès d'un employé qui part : avisez le centre 48 heures (jours ouvrables) avant de saisir le départ dans SAGIR.",
    en: "Removal of a departing employee's access: notify the centre 48 hours (business days) before entering the departure in SAGIR.",
  },
  parametrization: {
    fr: "Paramétrage et pilotage des modules RF et RM (structures, pouvoirs d'approbation, nomenclature).",
    en: "Parametrization of the RF and RM modules (structures, approval authorities, nomenclature).",
  },
};

export const ACCESS_KINDS = ["new-access", "change-access", "password-reset", "password-problem"] as const;
export const SELF_SERVICE_MODULES = ["LSCD", "LSA", "LSH"] as const;
export const SELF_SERVICE_PROFILES = ["employee", "manager"] as const;
export const SPECIALISED_DOMAINS = ["RF", "RM", "RH"] as const;
export const PARAMETRIZATION_MODULES = ["RF", "RM"] as const;

/** Labels of the choices of every SAGIR form, by field. */
export const SAGIR_CHOICE_LABELS = {
  accessKind: {
    "new-access": { fr: "Nouvel accès ou nouvelle responsabilité", en: "New access or responsibility" },
    "change-access": { fr: "Modification ou retrait de responsabilités", en: "Change or removal of responsibilities" },
    "password-reset": { fr: "Réinitialisation du mot de passe", en: "Password reset" },
    "password-problem": { fr: "Problème de mot de passe ou de connexion", en: "Password or sign-in problem" },
  },
  module: {
    LSCD: { fr: "LSCD", en: "LSCD" },
    LSA: { fr: "LSA", en: "LSA" },
    LSH: { fr: "LSH", en: "LSH" },
    RF: { fr: "RF — ressources financières", en: "RF — financial resources" },
    RM: { fr: "RM — ressources matérielles", en: "RM — material resources" },
  },
  profile: {
    employee: { fr: "Employé", en: "Employee" },
    manager: { fr: "Gestionnaire", en: "Manager" },
  },
  domain: {
    RF: { fr: "RF — ressources financières", en: "RF — financial resources" },
    RM: { fr: "RM — ressources matérielles", en: "RM — material resources" },
    RH: { fr: "RH — ressources humaines", en: "HR — human resources" },
  },
} satisfies Record<string, Record<string, LocalizedText>>;

export type SagirFieldKind = "text" | "textarea" | "select" | "date" | "email" | "birth";

export type SagirField = {
  name: string;
  kind: SagirFieldKind;
  required: boolean;
  maxLength?: number;
  /** For selects: the key of SAGIR_CHOICE_LABELS and the allowed values. */
  choices?: { labels: keyof typeof SAGIR_CHOICE_LABELS; values: readonly string[] };
};

const subject: SagirField = { name: "subject", kind: "text", required: true, maxLength: 150 };
const description: SagirField = { name: "description", kind: "textarea", required: true, maxLength: 5000 };
const notes: SagirField = { name: "notes", kind: "textarea", required: false, maxLength: 5000 };
const employeeName: SagirField = { name: "employeeName", kind: "text", required: true, maxLength: 120 };
const employeeNumber: SagirField = { name: "employeeNumber", kind: "text", required: false, maxLength: 20 };

/** The typed fields of each form, in order (common fields — urgency, contact phone — come after). */
export const SAGIR_FORM_FIELDS: Record<SagirRequestType, readonly SagirField[]> = {
  access: [
    { name: "accessKind", kind: "select", required: true, choices: { labels: "accessKind", values: ACCESS_KINDS } },
    { name: "userName", kind: "text", required: true, maxLength: 120 },
    subject,
    description,
  ],
  "self-service": [
    { name: "module", kind: "select", required: true, choices: { labels: "module", values: SELF_SERVICE_MODULES } },
    { name: "profile", kind: "select", required: true, choices: { labels: "profile", values: SELF_SERVICE_PROFILES } },
    subject,
    description,
  ],
  specialised: [
    { name: "domain", kind: "select", required: true, choices: { labels: "domain", values: SPECIALISED_DOMAINS } },
    subject,
    description,
  ],
  training: [
    { name: "course", kind: "text", required: true, maxLength: 150 },
    { name: "participants", kind: "textarea", required: true, maxLength: 5000 },
    { name: "preferredPeriod", kind: "text", required: false, maxLength: 150 },
    notes,
  ],
  arrival: [
    employeeName,
    employeeNumber,
    { name: "startDate", kind: "date", required: true },
    { name: "workEmail", kind: "email", required: true, maxLength: 254 },
    { name: "accessRequested", kind: "textarea", required: true, maxLength: 3000 },
    { name: "parametrizationNeeds", kind: "textarea", required: false, maxLength: 3000 },
    notes,
  ],
  departure: [
    employeeName,
    employeeNumber,
    { name: "departureDate", kind: "date", required: true },
    { name: "sagirEntryDate", kind: "date", required: true },
    { name: "birth", kind: "birth", required: true },
    { name: "accessToRemove", kind: "textarea", required: false, maxLength: 3000 },
    notes,
  ],
  parametrization: [
    { name: "module", kind: "select", required: true, choices: { labels: "module", values: PARAMETRIZATION_MODULES } },
    subject,
    description,
  ],
};

export const SAGIR_FIELD_LABELS: Record<string, LocalizedText> = {
  accessKind: { fr: "Nature de la demande", en: "Kind of request" },
  userName: { fr: "Personne concernée", en: "Person concerned" },
  module: { fr: "Module", en: "Module" },
  profile: { fr: "Profil de l'utilisateur", en: "User profile" },
  domain: { fr: "Domaine de responsabilité", en: "Area of responsibility" },
  subject: { fr: "Objet", en: "Subject" },
  description: { fr: "Description", en: "Description" },
  notes: { fr: "Précisions", en: "Further details" },
  course: { fr: "Formation SGA (titre ou code)", en: "SGA course (title or code)" },
  participants: { fr: "Participants (un par ligne : nom et adresse courriel)", en: "Participants (one per line: name and e-mail)" },
  preferredPeriod: { fr: "Période souhaitée", en: "Preferred period" },
  employeeName: { fr: "Nom de l'employé", en: "Employee name" },
  employeeNumber: { fr: "Numéro d'employé", en: "Employee number" },
  startDate: { fr: "Date d'entrée en fonction", en: "Start date" },
  workEmail: { fr: "Adresse courriel professionnelle de l'employé", en: "Employee's work e-mail address" },
  accessRequested: { fr: "Accès et responsabilités demandés", en: "Access and responsibilities requested" },
  parametrizationNeeds: { fr: "Besoins de paramétrage particuliers", en: "Particular parametrization needs" },
  departureDate: { fr: "Date de départ", en: "Departure date" },
  sagirEntryDate: { fr: "Date prévue de saisie du départ dans SAGIR", en: "Planned date of entering the departure in SAGIR" },
  birth: { fr: "Jour et mois de naissance", en: "Day and month of birth" },
  accessToRemove: { fr: "Accès à retirer", en: "Access to remove" },
};

export const SAGIR_FIELD_HINTS: Partial<Record<string, LocalizedText>> = {
  userName: { fr: "La personne dont l'accès ou le mot de passe est en cause.", en: "The person whose access or password is concerned." },
  participants: { fr: "Au plus 50 personnes.", en: "At most 50 people." },
  workEmail: { fr: "Elle doit être fonctionnelle avant la création des accès.", en: "It must work before access is created." },
  sagirEntryDate: {
    fr: "Le centre doit être avisé 48 heures avant cette saisie, comptées en jours ouvrables : fins de semaine et jours fériés exclus.",
    en: "The centre must be notified 48 hours before this entry, counted on business days: weekends and holidays excluded.",
  },
  birth: {
    fr: "Exigé par le centre pour retirer les accès. Seul l'agent qui traite la requête le verra ; il est effacé à la fermeture de la requête.",
    en: "Required by the centre to remove access. Only the agent handling the request will see it; it is erased when the request is closed.",
  },
};

export const MONTH_NAMES: Record<"fr" | "en", readonly string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** The last day a month can have (29 for February: the year of birth is not asked). */
export function maxDayOfMonth(month: number): number {
  return month === 2 ? 29 : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `2026-12-04` → `4 décembre 2026` / `December 4, 2026`. */
export function formatIsoDate(iso: string, locale: "fr" | "en"): string {
  const day = dayNumberFromIsoDate(iso);
  if (day === null) return iso;
  const { year, month, day: d } = ymdFromDayNumber(day);
  const name = MONTH_NAMES[locale][month - 1]!;
  return locale === "fr" ? `${d === 1 ? "1er" : d} ${name} ${year}` : `${name} ${d}, ${year}`;
}

/**
 * The lead time of a departure notice (spec §6): 48 hours of business-day time on the `sagir`
 * calendar before the departure is entered in SAGIR.
 */
export const DEPARTURE_NOTICE_LEAD = { clock: "business-day-time", amount: 48, unit: "hours", calendarId: "sagir" } as const;

export type DepartureLeadTime = {
  /** The instant the lead time ends for a notice received at the given instant. */
  leadEndsAt: number;
  /** The first date on which the departure may be entered in SAGIR for that notice to be on time. */
  earliestOnTimeEntryDate: string;
};

export type DepartureNoticeAssessment = DepartureLeadTime & { late: boolean };

type LeadEngine = Pick<CatalogueEngine, "addClockTime" | "getCalendar">;

/**
 * The lead time of a notice received at `receivedAt`. The form asks for the entry *date*, not a
 * time: the entry may happen at any moment of that day, so the lead time must end by the start
 * (local midnight) of that day. A notice received Monday 10:00 ends its lead time Wednesday
 * 10:00: on time for an entry on Thursday, late for Wednesday.
 */
export function departureLeadTime(engine: LeadEngine, receivedAt: number): DepartureLeadTime {
  const zone = getZone(engine.getCalendar(DEPARTURE_NOTICE_LEAD.calendarId).timeZone);
  const leadEndsAt = engine.addClockTime(DEPARTURE_NOTICE_LEAD, receivedAt);
  const leadDay = zone.dayOf(leadEndsAt);
  const earliestDay = zone.midnight(leadDay) >= leadEndsAt ? leadDay : leadDay + 1;
  return { leadEndsAt, earliestOnTimeEntryDate: isoDateFromDayNumber(earliestDay) };
}

/** Is a departure notice received at `receivedAt` late for an entry in SAGIR on `entryDate`? */
export function assessDepartureNotice(engine: LeadEngine, receivedAt: number, entryDate: string): DepartureNoticeAssessment {
  const lead = departureLeadTime(engine, receivedAt);
  if (dayNumberFromIsoDate(entryDate) === null) throw new RangeError(`not a date: ${entryDate}`);
  // ISO dates compare as strings: late when the entry day comes before the first on-time day.
  return { ...lead, late: entryDate < lead.earliestOnTimeEntryDate };
}

export type Fact = { name: string; label: string; value: string };

/**
 * The typed fields of a SAGIR request as label/value pairs for its detail page, in the form's
 * order. The day and month of birth are never in `details` (they have their own table).
 */
/** What a voicemail request carries, for the agent who calls back. */
const VOICEMAIL_FACTS: { name: string; label: LocalizedText; value: (v: unknown) => string }[] = [
  { name: "callerNumber", label: { fr: "Numéro de l'appelant", en: "Caller's number" }, value: String },
  { name: "voicemailSeconds", label: { fr: "Durée du message", en: "Message length" }, value: (v) => clockDuration(Number(v)) },
  { name: "recordingUrl", label: { fr: "Enregistrement", en: "Recording" }, value: String },
];

export function sagirDetailFacts(type: string, details: Record<string, unknown>, locale: "fr" | "en"): Fact[] {
  if (type === "voicemail") {
    return VOICEMAIL_FACTS.filter((f) => details[f.name] !== null && details[f.name] !== undefined && details[f.name] !== "").map((f) => ({ name: f.name, label: f.label[locale], value: f.value(details[f.name]) }));
  }
  const fields = SAGIR_FORM_FIELDS[type as SagirRequestType];
  if (!fields) return [];
  const facts: Fact[] = [];
  for (const field of fields) {
    if (["subject", "description", "notes", "birth"].includes(field.name)) continue;
    const raw = details[field.name];
    if (raw === null || raw === undefined || raw === "") continue;
    const text = String(raw);
    let value = text;
    if (field.kind === "date") value = formatIsoDate(text, locale);
    if (field.choices) value = (SAGIR_CHOICE_LABELS[field.choices.labels] as Record<string, LocalizedText>)[text]?.[locale] ?? text;
    // The form's guidance in parentheses ("(facultatif)", "(un par ligne …)") is not part of the name.
    const label = (SAGIR_FIELD_LABELS[field.name]?.[locale] ?? field.name).replace(/\s*\([^)]*\)$/, "");
    facts.push({ name: field.name, label, value });
  }
  return facts;
}
