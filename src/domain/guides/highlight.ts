// A search's highlighted excerpt (PostgreSQL's ts_headline with these marks), cut for rendering as
// text — never as HTML. Apart from guides.ts so that a client component reads it without markdown-it.
/** The marks the search's excerpts put around matched words (control characters: never in an article's text). */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_STOP = "\u0003";

/** A highlighted excerpt cut into plain and matched parts, to be rendered as text (never as HTML). */
export function splitHighlight(excerpt: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  for (const [i, piece] of excerpt.split(HIGHLIGHT_START).entries()) {
    if (i === 0) {
      if (piece) parts.push({ text: piece.replaceAll(HIGHLIGHT_STOP, ""), match: false });
      continue;
    }
    const stop = piece.indexOf(HIGHLIGHT_STOP);
    const matched = stop === -1 ? piece : piece.slice(0, stop);
    const rest = stop === -1 ? "" : piece.slice(stop + 1).replaceAll(HIGHLIGHT_STOP, "");
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}
