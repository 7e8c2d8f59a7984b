// The catalogue as published in the CSPQ service descriptions (shared/seeds) and specified in
// shared/spec/service-catalogue.md. This one typed definition seeds the database, and the CLI
// uses it directly when no database is configured.
import type { LocalizedText, ServiceProfile } from "./service-profile";
import type { CalendarDefinition, CatalogueDefinition, OpenInterval } from "./types";

const hm = (h: number, m = 0): number => h * 60 + m;
const day = (...intervals: [number, number][]): OpenInterval[] => intervals.map(([start, end]) => ({ start, end }));

const MORNING: [number, number] = [hm(8, 30), hm(12)];
const AFTERNOON: [number, number] = [hm(13), hm(16, 30)];
const REGULAR = day(MORNING, AFTERNOON);
const CLOSED = day();

const week = (overrides: Partial<Record<1 | 2 | 3 | 4 | 5, OpenInterval[]>> = {}): OpenInterval[][] => [
  CLOSED,
  overrides[1] ?? REGULAR,
  overrides[2] ?? REGULAR,
  overrides[3] ?? REGULAR,
  overrides[4] ?? REGULAR,
  overrides[5] ?? REGULAR,
  CLOSED,
];

export const QC_PUBLIC_SERVICE = "qc-public-service";
export const TIME_ZONE = "America/Toronto";

const calendars: CalendarDefinition[] = [
  { id: "cad-candidates", timeZone: TIME_ZONE, holidaySetId: QC_PUBLIC_SERVICE, week: week({ 3: day([hm(10), hm(12)], AFTERNOON) }) },
  { id: "cad-mo", timeZone: TIME_ZONE, holidaySetId: QC_PUBLIC_SERVICE, week: week() },
  { id: "sagir", timeZone: TIME_ZONE, holidaySetId: QC_PUBLIC_SERVICE, week: week({ 2: day(MORNING, [hm(14), hm(16, 30)]) }) },
];

export const DEFAULT_CATALOGUE: CatalogueDefinition = {
  services: [
    {
      id: "ca-dotation",
      audiences: [
        { id: "candidate", calendarId: "cad-candidates", channels: ["phone", "email", "web"] },
        { id: "mo-specialist", calendarId: "cad-mo", channels: ["request-form", "phone", "email"] },
      ],
    },
    {
      id: "sagir",
      audiences: [
        { id: "sagir-user", calendarId: "sagir", channels: ["phone", "request-tool", "email", "fax", "voicemail"] },
      ],
    },
  ],
  calendars,
  // No stored year: the rule applies until the seed (or an administrator) stores dated rows.
  holidaySets: [{ id: QC_PUBLIC_SERVICE, rule: "qc-public-service", storedYears: [], holidays: [] }],
  targets: [
    {
      id: "cad-candidate-phone-answer",
      serviceId: "ca-dotation",
      audienceId: "candidate",
      channels: ["phone"],
      metric: "answer",
      amount: 5,
      unit: "minutes",
      clock: "elapsed",
      calendarId: "cad-candidates",
    },
    {
      id: "cad-candidate-reply",
      serviceId: "ca-dotation",
      audienceId: "candidate",
      channels: ["phone", "email", "web"],
      metric: "reply-or-delay-notice",
      amount: 10,
      unit: "days",
      clock: "business-days",
      calendarId: "cad-candidates",
    },
    {
      id: "cad-mo-first-reply",
      serviceId: "ca-dotation",
      audienceId: "mo-specialist",
      channels: ["request-form", "email"],
      metric: "first-reply",
      amount: 48,
      unit: "hours",
      clock: "business-day-time",
      calendarId: "cad-mo",
    },
    {
      id: "sagir-phone-take-charge",
      serviceId: "sagir",
      audienceId: "sagir-user",
      channels: ["phone"],
      metric: "take-in-charge",
      amount: 15,
      unit: "minutes",
      clock: "elapsed",
      calendarId: "sagir",
    },
    {
      id: "sagir-written-take-charge",
      serviceId: "sagir",
      audienceId: "sagir-user",
      channels: ["request-tool", "email", "fax", "voicemail"],
      metric: "take-in-charge",
      amount: 24,
      unit: "hours",
      clock: "business-day-time",
      calendarId: "sagir",
    },
  ],
};

const CSPQ_LINE = [
  { kind: "phone", label: { fr: "Ligne CSPQ (Québec)", en: "CSPQ line (Québec City)" }, value: "418 644-2777" },
  { kind: "phone", label: { fr: "Ligne CSPQ (sans frais)", en: "CSPQ line (toll-free)" }, value: "1 855 644-2777" },
] as const;

export const DEFAULT_SERVICE_PROFILES: readonly ServiceProfile[] = [
  {
    serviceId: "ca-dotation",
    slug: "ca-dotation",
    name: { fr: "Centre d'assistance en dotation", en: "Staffing Assistance Centre" },
    shortName: { fr: "CA-dotation", en: "CA-dotation" },
    description: {
      fr: "Le CA-dotation est l'unique secteur de la fonction publique du Québec ayant la responsabilité de coordonner et d'offrir les services d'assistance aux utilisateurs des systèmes gouvernementaux de dotation.",
      en: "CA-dotation is the only unit of the Québec public service responsible for coordinating and providing assistance to users of the government's staffing systems.",
    },
    prerequisites: [],
    audiences: [
      {
        audienceId: "candidate",
        name: { fr: "Candidates et candidats", en: "Job candidates" },
        summary: {
          fr: "Pour les citoyens et les employés de la fonction publique du Québec qui posent leur candidature.",
          en: "For citizens and Québec public-service employees applying for jobs.",
        },
        covers: [
          {
            fr: "Un service téléphonique et courriel de première ligne pour vous assister dans l'utilisation des systèmes de dotation en ligne.",
            en: "First-line phone and e-mail assistance with the online staffing systems.",
          },
          {
            fr: "Les réponses à vos questions sur la dotation des emplois dans la fonction publique du Québec : processus de qualification et autres activités de dotation.",
            en: "Answers to your questions about staffing in the Québec public service: qualification processes and other staffing activities.",
          },
        ],
        doesNotCover: [
          {
            fr: "Les questions d'un employé sur son propre dossier et la gestion de sa carrière.",
            en: "Questions from employees about their own file and career management.",
          },
          {
            fr: "Les questions sur un appel de candidatures ou une offre d'un ministère ou organisme, et le suivi des dossiers dans ces processus de dotation.",
            en: "Questions about a specific job posting or a ministry's or organization's offer, and the follow-up of files in those staffing processes.",
          },
        ],
        contacts: [
          { kind: "phone", label: { fr: "Téléphone (Québec)", en: "Phone (Québec City)" }, value: "418 528-7157" },
          { kind: "phone", label: { fr: "Téléphone (sans frais)", en: "Phone (toll-free)" }, value: "1 866 672-3460" },
          {
            kind: "email",
            label: { fr: "Courriel", en: "E-mail" },
            value: "carrieres@cspq.gouv.qc.ca",
            note: {
              fr: "Renseignements généraux seulement; aucune demande de nature nominative ne sera traitée par courriel.",
              en: "General information only; no request about a named person's file is handled by e-mail.",
            },
          },
        ],
        writtenChannel: "email",
      },
      {
        audienceId: "mo-specialist",
        name: { fr: "Spécialistes en dotation des ministères et organismes", en: "Staffing specialists of ministries and organizations" },
        summary: {
          fr: "Pour les utilisateurs spécialisés des ministères et organismes (MO) de la fonction publique du Québec.",
          en: "For the specialised users of Québec public-service ministries and organizations (MO).",
        },
        covers: [
          {
            fr: "L'assistance dans l'utilisation du système Emplois en ligne.",
            en: "Assistance with the Emplois en ligne system.",
          },
          {
            fr: "La transmission des communications opérationnelles liées aux systèmes de dotation.",
            en: "Operational communications about the staffing systems.",
          },
        ],
        doesNotCover: [
          {
            fr: "Le délai de traitement varie en fonction des particularités de la demande : aucun délai de résolution n'est garanti.",
            en: "Processing time varies with each request: no resolution time is guaranteed.",
          },
        ],
        contacts: [
          {
            kind: "form",
            label: { fr: "Formulaire de requête dotation", en: "Staffing request form" },
            note: {
              fr: "Accessible une fois connecté à Guichet. Votre pilote ministériel vous donne accès au formulaire et au numéro d'urgence.",
              en: "Available once signed in to Guichet. Your ministry pilot gives you access to the form and to the emergency number.",
            },
          },
          { kind: "phone", label: { fr: "Renseignements (Québec)", en: "Information (Québec City)" }, value: "418 528-7157" },
          { kind: "email", label: { fr: "Courriel", en: "E-mail" }, value: "carrieres@cspq.gouv.qc.ca" },
        ],
        writtenChannel: "request-form",
      },
    ],
    moreInformation: [...CSPQ_LINE],
  },
  {
    serviceId: "sagir",
    slug: "sagir",
    name: { fr: "Centre d'assistance SAGIR", en: "SAGIR Assistance Centre" },
    shortName: { fr: "SAGIR", en: "SAGIR" },
    description: {
      fr: "Le soutien aux utilisateurs des Solutions d'affaires en gestion intégrée des ressources (SAGIR), avec l'intégration des fonctionnalités RF-RM-RH-Sécurité.",
      en: "Support for users of SAGIR, the government's integrated resource-management solutions, including the integration of finance, materiel, HR and security functions.",
    },
    prerequisites: [
      { fr: "Implantation de la solution SAGIR.", en: "The SAGIR solution is implemented." },
      {
        fr: "Adhésion aux services des opérations financières et contractuelles SAGIR.",
        en: "Membership in the SAGIR financial and contractual operations services.",
      },
    ],
    audiences: [
      {
        audienceId: "sagir-user",
        name: { fr: "Utilisatrices et utilisateurs de SAGIR", en: "SAGIR users" },
        summary: {
          fr: "Pour les employés et gestionnaires (Libre-service LSCD, LSA et LSH) et les usagers ayant des responsabilités spécialisées en RF, RM et RH.",
          en: "For employees and managers (LSCD, LSA and LSH self-service) and users with specialised finance, materiel or HR responsibilities.",
        },
        covers: [
          { fr: "Soutien aux utilisateurs des Libre-service LSCD, LSA et LSH.", en: "Support for LSCD, LSA and LSH self-service users." },
          { fr: "Soutien aux usagers ayant des responsabilités spécialisées en RF, RM et RH.", en: "Support for users with specialised RF, RM and RH responsibilities." },
          { fr: "Sécurité : accès à SAGIR et mot de passe.", en: "Security: SAGIR access and passwords." },
          { fr: "Suivi de la formation SAGIR.", en: "SAGIR training follow-up." },
          { fr: "Réacheminement des communiqués SAGIR à des groupes d'utilisateurs.", en: "Forwarding SAGIR communiqués to user groups." },
          {
            fr: "Paramétrage des modules RF et RM, arrivée et départ d'un employé.",
            en: "RF and RM module parametrization, employee arrivals and departures.",
          },
        ],
        doesNotCover: [
          {
            fr: "Les organisations qui n'ont pas adhéré aux services SAGIR ne peuvent pas soumettre de requête.",
            en: "Organizations that have not joined the SAGIR services cannot submit requests.",
          },
        ],
        contacts: [
          {
            kind: "form",
            label: { fr: "Outil Requête", en: "Request tool (Outil Requête)" },
            note: {
              fr: "Accessible une fois connecté à Guichet. Les demandes urgentes faites par téléphone sont traitées en priorité.",
              en: "Available once signed in to Guichet. Urgent requests made by phone are handled first.",
            },
          },
          {
            kind: "phone",
            label: { fr: "Direction générale des services d'opérations administratives", en: "Administrative operations services branch" },
            value: "418 528-0880, poste 3212",
          },
          { kind: "email", label: { fr: "Courriel", en: "E-mail" }, value: "dgsoa@cspq.gouv.qc.ca" },
        ],
        writtenChannel: "request-tool",
      },
    ],
    moreInformation: [...CSPQ_LINE],
  },
];

export const AUDIENCE_LABELS: Record<string, LocalizedText> = {
  candidate: { fr: "Candidates et candidats", en: "Job candidates" },
  "mo-specialist": { fr: "Spécialistes des ministères et organismes", en: "Ministry and organization specialists" },
  "sagir-user": { fr: "Utilisatrices et utilisateurs de SAGIR", en: "SAGIR users" },
};

export const CHANNEL_LABELS: Record<string, LocalizedText> = {
  phone: { fr: "Téléphone", en: "Phone" },
  email: { fr: "Courriel", en: "E-mail" },
  web: { fr: "Formulaire Web", en: "Web form" },
  "request-form": { fr: "Formulaire de requête dotation", en: "Staffing request form" },
  "request-tool": { fr: "Outil Requête", en: "Request tool" },
  fax: { fr: "Télécopieur", en: "Fax" },
  voicemail: { fr: "Boîte vocale", en: "Voicemail" },
};
