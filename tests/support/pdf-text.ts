// The text of a PDF made by pdfkit with its standard fonts, for tests: each content stream
// inflated, and the strings of its text operators (hex `<…>` in Windows-1252) decoded, one line per
// operator. Not a general PDF reader: enough to check that an invoice's PDF says what it must.
import { inflateSync } from "node:zlib";

const WIN_1252: Record<number, string> = { 0x80: "€", 0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—" };

export function pdfText(pdf: Uint8Array): string {
  const bytes = Buffer.from(pdf);
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("not a PDF");
  const source = bytes.toString("latin1");
  const lines: string[] = [];
  const streams = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(source))) {
    const start = match.index + match[0].length;
    const end = source.indexOf("endstream", start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString("latin1");
    } catch {
      content = source.slice(start, end);
    }
    for (const operator of content.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = operator[1] !== undefined ? [...operator[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!) : [operator[2]!];
      lines.push(hexes.map(decodeHex).join(""));
    }
    streams.lastIndex = end;
  }
  return lines.join("\n");
}

function decodeHex(hex: string): string {
  let text = "";
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    text += WIN_1252[code] ?? String.fromCharCode(code);
  }
  return text;
}
