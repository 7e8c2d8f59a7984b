// Reading an incoming e-mail: whether it was written by a machine (never answer it), whether it is
// a delivery status notification (a bounce), which request its subject names, what its body says
// apart from the quoted history and signature, and which language it is in. Pure functions: the
// SMTP receiver and the use case hand them header values and text.

/** A request number in a subject: « [SAG-2026-000045] Re: … ». */
const NUMBER_PATTERN = /\b(CAD|SAG)-(\d{4})-(\d{6})\b/i;

export function requestNumberIn(subject: string | null | undefined): string | null {
  const match = NUMBER_PATTERN.exec(subject ?? "");
  return match ? `${match[1]!.toUpperCase()}-${match[2]}-${match[3]}` : null;
}

/** Local parts of addresses that are machines: answering them makes loops or noise. */
const MACHINE_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|ne-?pas-?repondre|nepasrepondre|bounces?|auto-?reply|autoresponder|listserv|majordomo)([+._-].*)?$/i;

export type MailHeaders = { get(name: string): string | null };

/**
 * Whether a message was sent by a machine (RFC 3834 Auto-Submitted, Precedence bulk/list/junk,
 * the usual vendor flags, a mailing list, a machine sender) or by this very help desk: such a
 * message is filed, never answered automatically.
 */
export function isAutomaticMessage(headers: MailHeaders, fromAddress: string | null, ownDomain: string | null): boolean {
  const autoSubmitted = headers.get("auto-submitted")?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return true;
  const precedence = headers.get("precedence")?.trim().toLowerCase();
  if (precedence && ["bulk", "list", "junk", "auto_reply"].includes(precedence)) return true;
  if (headers.get("x-autoreply") || headers.get("x-autorespond") || headers.get("x-auto-response-suppress")?.match(/all|oof|autoreply/i)) return true;
  if (headers.get("list-id") || headers.get("list-unsubscribe")) return true;
  if (headers.get("x-guichet-outbox")) return true;
  const local = fromAddress?.split("@")[0] ?? "";
  if (!fromAddress || MACHINE_SENDERS.test(local)) return true;
  return ownDomain !== null && messageIdDomain(headers.get("message-id")) === ownDomain.toLowerCase();
}

function messageIdDomain(messageId: string | null): string | null {
  const match = /@([^>\s]+)>?\s*$/.exec(messageId ?? "");
  return match ? match[1]!.toLowerCase() : null;
}

/** A delivery status notification (RFC 3464), or a classic bounce from a mailer daemon. */
export function isBounce(contentType: string | null, fromAddress: string | null, envelopeFrom: string): boolean {
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("multipart/report") && /report-type\s*=\s*"?delivery-status/.test(type)) return true;
  const local = (fromAddress ?? "").split("@")[0]!.toLowerCase();
  return envelopeFrom === "" && (local === "mailer-daemon" || local === "postmaster");
}

/** The Message-IDs in a text (a bounce quotes the headers of the message that failed). */
export function messageIdsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/<([^<>\s@]+@[^<>\s]+)>/g)].map((m) => `<${m[1]}>`))];
}

/** The In-Reply-To and References of a message, most recent first. */
export function threadIdsOf(inReplyTo: string | null, references: string | string[] | null): string[] {
  const refs = Array.isArray(references) ? references.join(" ") : (references ?? "");
  return [...new Set([...messageIdsIn(inReplyTo ?? ""), ...messageIdsIn(refs).reverse()])];
}

// What the mail clients put before a quoted message (French and English), and signature markers.
const QUOTE_HEADERS = [
  /^\s*(le|on)\s.{0,200}\s(a écrit|a ecrit|wrote)\s?:\s*$/i,
  /^\s*-{2,}\s*(message d'origine|original message|message transféré|forwarded message)\s*-{2,}\s*$/i,
  /^\s*(de|from)\s?:\s.+$/i,
  /^_{10,}\s*$/,
];

/**
 * The new text of a reply, and what follows it (quoted history, signature), folded in the thread
 * view. The body is the text up to the first quote header, quoted block or signature delimiter
 * (`-- `); when nothing would remain, the whole text is the body.
 */
export function splitQuoted(text: string): { body: string; quoted: string | null } {
  const lines = text.split("\n");
  let cut = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "-- " || line === "--") { cut = i; break; }
    if (QUOTE_HEADERS.some((re) => re.test(line))) {
      // « De : » alone starts an Outlook header block only when a « Envoyé : / Sent: » follows.
      if (/^\s*(de|from)\s?:/i.test(line) && !lines.slice(i + 1, i + 4).some((l) => /^\s*(envoyé|envoye|sent|date)\s?:/i.test(l))) continue;
      cut = i;
      break;
    }
    if (/^>/.test(line) && lines.slice(i).every((l) => l.trim() === "" || /^>/.test(l))) { cut = i; break; }
  }
  if (cut <= 0) return { body: text.trim(), quoted: null };
  const body = lines.slice(0, cut).join("\n").trim();
  if (!body) return { body: text.trim(), quoted: null };
  const quoted = lines.slice(cut).join("\n").trim();
  return { body, quoted: quoted || null };
}

const EN_WORDS = new Set(["the", "and", "is", "are", "to", "of", "my", "i", "you", "please", "thank", "thanks", "hello", "hi", "for", "with", "have", "can", "how", "what", "would", "could", "this", "that", "regards", "dear"]);
const FR_WORDS = new Set(["le", "la", "les", "et", "est", "de", "des", "du", "je", "vous", "mon", "ma", "mes", "pour", "avec", "merci", "bonjour", "une", "un", "que", "qui", "pas", "sur", "dans", "au", "aux", "cordialement", "votre", "nous", "ne", "svp"]);

/** French unless the text is clearly English (more English than French common words, and a few of them). */
export function guessLanguage(text: string): "fr" | "en" {
  let en = 0;
  let fr = 0;
  for (const word of text.toLowerCase().slice(0, 4000).split(/[^a-zàâçéèêëîïôûùüÿœ']+/)) {
    if (EN_WORDS.has(word)) en += 1;
    if (FR_WORDS.has(word)) fr += 1;
  }
  return en >= 3 && en > fr * 1.5 ? "en" : "fr";
}

/**
 * What no person types, removed from mail text: NUL and other control characters (line breaks and
 * tabs kept, CRLF made LF), ANSI escapes, lone surrogates, U+FFFE/U+FFFF.
 */
export function cleanMailText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, "")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .trim();
}

/** A subject without the reply prefixes and the number we put in it. */
export function cleanSubject(subject: string | null | undefined): string {
  let s = cleanMailText(subject ?? "").replace(/\s+/g, " ");
  for (;;) {
    const next = s.replace(/^\s*((re|tr|fw|fwd|réf|ref|aw)\s*:\s*)/i, "").replace(/^\s*\[(CAD|SAG)-\d{4}-\d{6}\]\s*/i, "");
    if (next === s) break;
    s = next;
  }
  return s.trim();
}
