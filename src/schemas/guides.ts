import { z } from "zod";
import { GUIDE_AUDIENCES, GUIDE_EVENT_KINDS } from "@/domain/guides/guides";
import { checkEnglishPair } from "@/schemas/fields";

const AUDIENCE_KEYS = GUIDE_AUDIENCES.map((a) => `${a.serviceId}/${a.audienceId}`) as [string, ...string[]];

/** An article's text as an agent or a manager saves it (a new version); the English version is optional. */
export const ZGuideArticleInput = z
  .object({
    /** Empty for a new article. */
    articleId: z.string().max(40).optional().transform((v) => v || null),
    /** « ca-dotation/candidate » — for a new article only (an article keeps its audience). */
    audience: z.enum(AUDIENCE_KEYS, { error: "guide.audience" }).optional(),
    category: z.string({ error: "guide.category" }).trim().min(2, { error: "guide.category" }).max(60, { error: "guide.category" }),
    titleFr: z.string({ error: "guide.title" }).trim().min(5, { error: "guide.title" }).max(120, { error: "guide.title" }),
    titleEn: z.string().trim().max(120, { error: "guide.title" }).optional().default(""),
    bodyFr: z.string({ error: "guide.body" }).trim().min(20, { error: "guide.body" }).max(20_000, { error: "guide.body" }),
    bodyEn: z.string().trim().max(20_000, { error: "guide.body" }).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.articleId && !v.audience) ctx.addIssue({ code: "custom", path: ["audience"], message: "guide.audience" });
    checkEnglishPair(v, ctx);
    if (v.bodyEn && v.bodyEn.length < 20) ctx.addIssue({ code: "custom", path: ["bodyEn"], message: "guide.body" });
    if (v.titleEn && v.titleEn.length < 5) ctx.addIssue({ code: "custom", path: ["titleEn"], message: "guide.title" });
  });
export type TGuideArticleInput = z.infer<typeof ZGuideArticleInput>;

/** A manager's decision on an article: publish a version, or archive it. */
export const ZGuidePublication = z.object({
  articleId: z.uuid({ error: "text.invalid" }),
  version: z.coerce.number({ error: "text.invalid" }).int({ error: "text.invalid" }).min(1, { error: "text.invalid" }).max(100_000, { error: "text.invalid" }),
});

/** What a reader did with suggested articles (the suggestions' counters): at most three at once. */
export const ZGuideEvent = z.object({
  kind: z.enum(GUIDE_EVENT_KINDS, { error: "choice.invalid" }),
  articleIds: z.array(z.uuid({ error: "text.invalid" }), { error: "text.invalid" }).min(1, { error: "text.invalid" }).max(3, { error: "text.invalid" }),
});

/** A search or the subject someone is typing: 2 to 200 characters. */
export const ZGuideQuery = z.string({ error: "guide.query" }).trim().min(2, { error: "guide.query" }).max(200, { error: "guide.query" });

/** The suggestions' request: the new request's service and audience, what is typed, the reader's language. */
export const ZGuideSuggestionQuery = z.object({
  service: z.string({ error: "choice.invalid" }).max(40, { error: "choice.invalid" }),
  audience: z.string({ error: "choice.invalid" }).max(40, { error: "choice.invalid" }),
  q: ZGuideQuery,
  locale: z.enum(["fr", "en"], { error: "choice.invalid" }).default("fr"),
});

/** The requester's answer to « Êtes-vous satisfait de la réponse ? », with an optional comment. */
export const ZSatisfactionAnswer = z.object({
  satisfied: z.enum(["yes", "no"], { error: "satisfaction.answer" }).transform((v) => v === "yes"),
  comment: z.string().trim().max(2000, { error: "satisfaction.comment" }).optional().transform((v) => v || null),
});
export type TSatisfactionAnswer = z.output<typeof ZSatisfactionAnswer>;
