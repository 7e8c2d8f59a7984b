import { z } from "zod";
import { ZContactPhone, ZEmail } from "@/schemas/fields";
import { ZIsoDate } from "@/schemas/sagir-request";

/** The accounts the admin manages: the centres' staff, and each MO's pilot (who then invites their people). */
export const STAFF_ROLES = ["agent", "manager", "admin", "mo_pilot"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** The roles that work in centres (and so are given some). */
export const CENTRE_ROLES: readonly StaffRole[] = ["agent", "manager"];

const ZServices = z.array(z.enum(["ca-dotation", "sagir"], { error: "choice.invalid" })).max(2);

/** The admin invites a person: staff of the centres, or an MO's pilot. */
export const ZStaffInviteInput = z
  .object({
    name: z.string({ error: "personName.length" }).trim().min(1, { error: "personName.length" }).max(120, { error: "personName.length" }),
    email: ZEmail,
    role: z.enum(STAFF_ROLES, { error: "choice.invalid" }),
    services: ZServices,
    organizationId: z.union([z.literal(""), z.uuid({ error: "choice.invalid" })]),
  })
  .superRefine((v, ctx) => {
    if (CENTRE_ROLES.includes(v.role) && v.services.length === 0) ctx.addIssue({ code: "custom", path: ["services"], message: "staff.services" });
    if (v.role === "mo_pilot" && !v.organizationId) ctx.addIssue({ code: "custom", path: ["organizationId"], message: "staff.organization" });
  });
export type TStaffInviteInput = z.infer<typeof ZStaffInviteInput>;

/** The admin's change to one account: enable/disable, and the centres of an agent or a manager. */
export const ZStaffUpdateInput = z.object({
  userId: z.uuid({ error: "text.invalid" }),
  active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  services: ZServices,
});
export type TStaffUpdateInput = z.infer<typeof ZStaffUpdateInput>;

const ZOptionalDate = z.union([z.literal(""), ZIsoDate]).transform((v) => v || null);

/** One « responsable sectoriel » of an MO: whom its people reach about the business relationship. */
export const ZOrganizationContact = z.object({
  name: z.string({ error: "personName.length" }).trim().min(1, { error: "personName.length" }).max(120, { error: "personName.length" }),
  email: ZEmail,
  phone: ZContactPhone,
});

const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A ministry or organization (MO) as the admin records it. */
export const ZOrganizationInput = z
  .object({
    name: z.string({ error: "organization.name" }).trim().min(3, { error: "organization.name" }).max(200, { error: "organization.name" }),
    code: z
      .string({ error: "organization.code" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,14}$/, { error: "organization.code" }),
    /** Typed one per line (or separated by commas or spaces), with or without "@". */
    emailDomains: z
      .string({ error: "organization.domains" })
      .max(2000, { error: "organization.domains" })
      .transform((v) => [...new Set(v.split(/[\s,;]+/).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))])
      // At the field itself (the form has one box), not at the rank of the wrong domain.
      .refine((domains) => domains.length <= 20 && domains.every((d) => DOMAIN.test(d)), { error: "organization.domains" }),
    services: ZServices,
    sagirImplementedOn: ZOptionalDate,
    sagirAdheredOn: ZOptionalDate,
    emergencyPhone: ZContactPhone,
    contacts: z.array(ZOrganizationContact).max(10, { error: "organization.contacts" }),
  })
  .superRefine((v, ctx) => {
    // The seed's « Conditions requises » for SAGIR: both dates, or no SAGIR.
    if (v.services.includes("sagir")) {
      if (!v.sagirImplementedOn) ctx.addIssue({ code: "custom", path: ["sagirImplementedOn"], message: "organization.sagirPrerequisite" });
      if (!v.sagirAdheredOn) ctx.addIssue({ code: "custom", path: ["sagirAdheredOn"], message: "organization.sagirPrerequisite" });
    }
  });
export type TOrganizationInput = z.infer<typeof ZOrganizationInput>;

/** The admin's new integration key: a name, a scope, and the last day it works (Québec date). */
export const ZApiKeyInput = z.object({
  name: z.string({ error: "apiKey.name" }).trim().min(3, { error: "apiKey.name" }).max(80, { error: "apiKey.name" }),
  scope: z.enum(["call_events", "requests_read:ca-dotation", "requests_read:sagir"], { error: "choice.invalid" }),
  expiresOn: ZIsoDate,
});
export type TApiKeyInput = z.infer<typeof ZApiKeyInput>;
