// Guides (a knowledge base per centre and audience): the rules that need no database — who reads
// which audience's articles, an article's address, its Markdown rendered safely, the highlighted
// excerpt of a search, the states an article goes through.
import MarkdownIt from "markdown-it";

export { HIGHLIGHT_START, HIGHLIGHT_STOP, splitHighlight } from "./highlight";

/** The audiences a centre writes guides for: candidates' articles are public, the others need a sign-in. */
export const GUIDE_AUDIENCES = [
  { serviceId: "ca-dotation", audienceId: "candidate", public: true },
  { serviceId: "ca-dotation", audienceId: "mo-specialist", public: false },
  { serviceId: "sagir", audienceId: "sagir-user", public: false },
] as const;

export type GuideAudience = { serviceId: string; audienceId: string };

export const GUIDE_STATUSES = ["draft", "published", "archived"] as const;
export type GuideStatus = (typeof GUIDE_STATUSES)[number];

export const GUIDE_EVENT_KINDS = ["suggested", "opened", "answered"] as const;
export type GuideEventKind = (typeof GUIDE_EVENT_KINDS)[number];

/** The reader as far as guides are concerned: nobody (public), or a role with the services they use or work in. */
export type GuideReader = { role: string; services: readonly string[] } | null;

/**
 * Which audiences' articles a reader may read. Everyone reads the public (candidates') articles;
 * an MO's staffing specialist, CA-dotation's MO articles; a SAGIR user, SAGIR's; an MO's pilot
 * (who answers their MO's people) both; the centres' agents and managers, their centres'; the admin, all.
 */
export function readableAudiences(reader: GuideReader): GuideAudience[] {
  const all = GUIDE_AUDIENCES.map(({ serviceId, audienceId }) => ({ serviceId, audienceId }));
  const publicOnes = GUIDE_AUDIENCES.filter((a) => a.public).map(({ serviceId, audienceId }) => ({ serviceId, audienceId }));
  if (!reader) return publicOnes;
  const extra = (pick: (a: (typeof GUIDE_AUDIENCES)[number]) => boolean) => [...publicOnes, ...GUIDE_AUDIENCES.filter((a) => !a.public && pick(a)).map(({ serviceId, audienceId }) => ({ serviceId, audienceId }))];
  switch (reader.role) {
    case "admin":
      return all;
    case "agent":
    case "manager":
      return extra((a) => reader.services.includes(a.serviceId));
    case "mo_specialist":
      return extra((a) => a.audienceId === "mo-specialist");
    case "sagir_user":
      return extra((a) => a.audienceId === "sagir-user");
    case "mo_pilot":
      return extra(() => true);
    default:
      return publicOnes;
  }
}

export function canReadAudience(reader: GuideReader, audience: GuideAudience): boolean {
  return readableAudiences(reader).some((a) => a.serviceId === audience.serviceId && a.audienceId === audience.audienceId);
}

/** Whether an audience is one a centre writes guides for. */
export function isGuideAudience(audience: GuideAudience): boolean {
  return GUIDE_AUDIENCES.some((a) => a.serviceId === audience.serviceId && a.audienceId === audience.audienceId);
}

/** An article's address from its French title: lower-case, no accents, words joined by hyphens (« Mot de passe oublié » → mot-de-passe-oublie). */
export function slugOf(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "article";
}

// Markdown as authors write it, never HTML: `html: false` escapes every tag an author types, the
// parser's link check refuses javascript:, vbscript:, file: and data: addresses, images are off
// (an outside image would tell its server who reads the article), and the author's headings start
// at level 2 (the article's title is the page's only h1).
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
markdown.disable(["image"]);
markdown.core.ruler.push("guide_headings", (state) => {
  // The author's highest heading becomes an h2, the others keep their distance to it (the page's
  // title is the only h1; « # Titre » and « ## Étapes » both open at h2).
  const levels = state.tokens.filter((t) => t.type === "heading_open").map((t) => Number(t.tag.slice(1)));
  const shift = levels.length ? Math.max(0, 2 - Math.min(...levels)) : 0;
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`;
  }
});
const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx]!.attrGet("href") ?? "");
  // Links that leave Guichet: no referrer, no access to this page.
  if (/^https?:\/\//i.test(href)) tokens[idx]!.attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** An article's Markdown as HTML that holds no markup its author typed: safe to insert in a page. */
export function renderGuideMarkdown(source: string): string {
  return markdown.render(source);
}

/** An article's Markdown as plain text (for excerpts and e-mails): the marks and link targets removed. */
export function guidePlainText(source: string): string {
  return source
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/[*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The addresses of Guichet's articles a text cites (« …/guides/mot-de-passe-oublie »): their slugs, once each. */
export function citedSlugs(text: string): string[] {
  const slugs = new Set<string>();
  for (const m of text.matchAll(/\/guides\/([a-z0-9]+(?:-[a-z0-9]+)*)/g)) slugs.add(m[1]!);
  return [...slugs];
}

/** What replaces a piece of personal information in an article proposed from a request. */
export const REMOVED = "[…]";

/**
 * An agent's answer made into an article's first draft: the personal information removed —
 * e-mail addresses, telephone numbers, request numbers, social insurance and file numbers (6 digits
 * or more), postal codes, and the names the request knows (the requester's, the agent's); a greeting
 * or signature naming someone keeps its word only (« Bonjour Mme Tremblay, » → « Bonjour, »).
 * The writer reads the draft before anything is published: this removes what a pattern can find.
 */
export function withoutPersonalInformation(text: string, names: readonly string[] = []): string {
  let out = text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, REMOVED)
    .replace(/\b[A-Z]{3}-\d{4}-\d{6}\b/g, REMOVED)
    .replace(/(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b(?:\s*(?:poste|p\.|ext\.?)\s*\d+)?/gi, REMOVED)
    .replace(/\b\d{3}[\s-]?\d{3}[\s-]?\d{3}\b/g, REMOVED)
    .replace(/\b\d{6,}\b/g, REMOVED)
    .replace(/\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][\s-]?\d[ABCEGHJ-NPRSTV-Z]\d\b/gi, REMOVED);
  for (const name of names) {
    for (const part of [name, ...name.split(/\s+/)].filter((p) => p.length >= 3)) {
      out = out.replace(new RegExp(`(?<![\\p{L}])${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "giu"), REMOVED);
    }
  }
  // « Bonjour Mme […], » → « Bonjour, »; a line of removed names only disappears.
  out = out.replace(/^(Bonjour|Hello|Hi|Madame|Monsieur)(?:\s+(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?))?(?:\s*\[…\])+\s*,/gim, "$1,");
  out = out.replace(/^(?:\s*\[…\])+\s*$/gm, "");
  return out.replace(/\n{3,}/g, "\n\n").trim();
}
