import { z } from "zod";
import { AUDIENCE_ROLES, COMMUNIQUE_SERVICES, ORGANIZATION_SCOPES, SAGIR_GROUPS } from "@/domain/communiques/communiques";
import { checkEnglishPair, ZMessage } from "@/schemas/fields";
import { ZLocalDateTime } from "@/schemas/console";

/** A checkbox list (FormData.getAll) or a JSON array; a single value is a list of one. */
const list = <T extends z.ZodType>(item: T, max: number, error: string) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item, { error }).max(max, { error }));

/** A communiqué as its author saves it (a new draft, or a draft changed): the English version is whole or absent. */
export const ZCommuniqueDraft = z
  .object({
    /** Empty for a new communiqué. */
    id: z.string().max(40).optional().transform((v) => v || null),
    service: z.enum(COMMUNIQUE_SERVICES, { error: "choice.invalid" }),
    /** The communiqué this one corrects (« remplace »): a new communiqué only. */
    replacesId: z.string().max(40).optional().transform((v) => v || null),
    titleFr: z.string({ error: "communique.title" }).trim().min(5, { error: "communique.title" }).max(150, { error: "communique.title" }),
    bodyFr: z.string({ error: "communique.body" }).trim().min(20, { error: "communique.body" }).max(20_000, { error: "communique.body" }),
    titleEn: z.string().trim().max(150, { error: "communique.title" }).optional().transform((v) => v || null),
    bodyEn: z.string().trim().max(20_000, { error: "communique.body" }).optional().transform((v) => v || null),
    organizations: z.enum(ORGANIZATION_SCOPES, { error: "choice.invalid" }).default("all"),
    organizationIds: list(z.uuid({ error: "choice.invalid" }), 500, "choice.invalid"),
    roles: list(z.enum(AUDIENCE_ROLES, { error: "choice.invalid" }), AUDIENCE_ROLES.length, "choice.invalid"),
    groups: list(z.enum(SAGIR_GROUPS, { error: "choice.invalid" }), SAGIR_GROUPS.length, "choice.invalid"),
  })
  .superRefine((v, ctx) => {
    checkEnglishPair(v, ctx);
    if (v.titleEn && v.titleEn.length < 5) ctx.addIssue({ code: "custom", path: ["titleEn"], message: "communique.title" });
    if (v.bodyEn && v.bodyEn.length < 20) ctx.addIssue({ code: "custom", path: ["bodyEn"], message: "communique.body" });
    if (v.roles.length === 0) ctx.addIssue({ code: "custom", path: ["roles"], message: "communique.roles" });
    if (v.organizations === "list" && v.organizationIds.length === 0) ctx.addIssue({ code: "custom", path: ["organizationIds"], message: "communique.organizations" });
  });
export type TCommuniqueDraft = z.output<typeof ZCommuniqueDraft>;

/** Send now, or at a planned local time (the centre's zone) in the future. */
export const ZCommuniqueSend = z
  .object({
    when: z.enum(["now", "later"], { error: "choice.invalid" }),
    sendAt: z.string().trim().optional().transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.when === "later" && (!v.sendAt || !ZLocalDateTime.safeParse(v.sendAt).success)) ctx.addIssue({ code: "custom", path: ["sendAt"], message: "localDateTime.invalid" });
  });
export type TCommuniqueSend = z.output<typeof ZCommuniqueSend>;

/** A SAGIR agent returns an MO's communiqué to its pilot, saying why. */
export const ZCommuniqueReturn = z.object({
  reason: z.string({ error: "communique.reason" }).trim().min(10, { error: "communique.reason" }).max(1000, { error: "communique.reason" }),
});

/** « Poser une question sur ce communiqué ». */
export const ZCommuniqueQuestion = z.object({ message: ZMessage });
export type TCommuniqueQuestion = z.output<typeof ZCommuniqueQuestion>;

/** One answer to several questions about a communiqué: each asker gets it in their own request's thread. */
export const ZCommuniqueAnswer = z.object({
  numbers: list(z.string().trim().regex(/^[A-Z]{3}-\d{4}-\d{6}$/, { error: "choice.invalid" }), 200, "choice.invalid").refine((v) => v.length > 0, { error: "communique.questions" }),
  body: ZMessage,
});
export type TCommuniqueAnswer = z.output<typeof ZCommuniqueAnswer>;

/** A pilot sets a SAGIR user's groups. */
export const ZMemberGroups = z.object({
  userId: z.uuid({ error: "text.invalid" }),
  groups: list(z.enum(SAGIR_GROUPS, { error: "choice.invalid" }), SAGIR_GROUPS.length, "choice.invalid"),
});
export type TMemberGroups = z.output<typeof ZMemberGroups>;

/** The language of what Guichet writes to a person. */
export const ZUserLocale = z.object({ locale: z.enum(["fr", "en"], { error: "choice.invalid" }) });
