import { z } from "zod";
import { dayNumberFromIsoDate } from "@/domain/catalogue/zone";
import {
  ACCESS_KINDS,
  maxDayOfMonth,
  PARAMETRIZATION_MODULES,
  SELF_SERVICE_MODULES,
  SELF_SERVICE_PROFILES,
  SPECIALISED_DOMAINS,
} from "@/domain/requests/sagir-request";
import { ZContactPhone, ZEmail, ZMessage, ZSubject, ZUrgent } from "@/schemas/fields";

// SAGIR's Outil Requête: one schema per request type, shared by the pages' forms, their server
// action and POST /api/v1/requests. Field names match SAGIR_FORM_FIELDS (a unit test checks it).

const requiredText = (max: number) =>
  z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "text.tooLong" });
const optionalText = (max: number) =>
  z
    .string({ error: "text.invalid" })
    .trim()
    .max(max, { error: "text.tooLong" })
    .nullish()
    .transform((v) => v || null);

/** A calendar date `YYYY-MM-DD` of 2000–2099 (dates of SAGIR entries, arrivals and departures). */
export const ZIsoDate = z
  .string({ error: "date.invalid" })
  .trim()
  .refine((v) => dayNumberFromIsoDate(v) !== null && v >= "2000-01-01" && v <= "2099-12-31", { error: "date.invalid" });

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "choice.invalid" });

const common = { urgent: ZUrgent, contactPhone: ZContactPhone };

export const ZSagirAccess = z.object({
  type: z.literal("access"),
  accessKind: choice(ACCESS_KINDS),
  userName: requiredText(120),
  subject: ZSubject,
  description: ZMessage,
  ...common,
});

export const ZSagirSelfService = z.object({
  type: z.literal("self-service"),
  module: choice(SELF_SERVICE_MODULES),
  profile: choice(SELF_SERVICE_PROFILES),
  subject: ZSubject,
  description: ZMessage,
  ...common,
});

export const ZSagirSpecialised = z.object({
  type: z.literal("specialised"),
  domain: choice(SPECIALISED_DOMAINS),
  subject: ZSubject,
  description: ZMessage,
  ...common,
});

export const ZSagirTraining = z.object({
  type: z.literal("training"),
  course: requiredText(150),
  participants: requiredText(5000).refine(
    (v) => {
      const lines = v.split(/\r?\n/).filter((l) => l.trim() !== "").length;
      return lines >= 1 && lines <= 50;
    },
    { error: "participants.count" },
  ),
  preferredPeriod: optionalText(150),
  notes: optionalText(5000),
  ...common,
});

export const ZSagirArrival = z.object({
  type: z.literal("arrival"),
  employeeName: requiredText(120),
  employeeNumber: optionalText(20),
  startDate: ZIsoDate,
  workEmail: ZEmail,
  accessRequested: requiredText(3000),
  parametrizationNeeds: optionalText(3000),
  notes: optionalText(5000),
  ...common,
});

const birthPart = (max: number, key: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\d{1,2}$/.test(v.trim()) ? Number(v) : v),
    z.number({ error: key }).int({ error: key }).min(1, { error: key }).max(max, { error: key }),
  );

export const ZSagirDeparture = z
  .object({
    type: z.literal("departure"),
    employeeName: requiredText(120),
    employeeNumber: optionalText(20),
    departureDate: ZIsoDate,
    sagirEntryDate: ZIsoDate,
    /** Personal information: stored apart from the request (see RequestPersonalData), erased at close. */
    birthDay: birthPart(31, "birthDay.invalid"),
    birthMonth: birthPart(12, "birthMonth.invalid"),
    accessToRemove: optionalText(3000),
    notes: optionalText(5000),
    ...common,
  })
  .refine((v) => v.birthDay <= maxDayOfMonth(v.birthMonth), { error: "birthDay.notInMonth", path: ["birthDay"], when: whenBirthParsed });

export const ZSagirParametrization = z.object({
  type: z.literal("parametrization"),
  module: choice(PARAMETRIZATION_MODULES),
  subject: ZSubject,
  description: ZMessage,
  ...common,
});

/** Run the day-in-month check only when both parts are valid numbers (else their own messages show). */
function whenBirthParsed(payload: { value: unknown; issues: readonly { path?: PropertyKey[] }[] }): boolean {
  return !payload.issues.some((i) => i.path?.[0] === "birthDay" || i.path?.[0] === "birthMonth");
}

export const SAGIR_SCHEMAS = [
  ZSagirAccess,
  ZSagirSelfService,
  ZSagirSpecialised,
  ZSagirTraining,
  ZSagirArrival,
  ZSagirDeparture,
  ZSagirParametrization,
] as const;

export const ZSagirRequestInput = z.discriminatedUnion("type", SAGIR_SCHEMAS, { error: "sagirType.invalid" });
export type TSagirRequestInput = z.infer<typeof ZSagirRequestInput>;
export type TSagirDepartureInput = z.infer<typeof ZSagirDeparture>;
