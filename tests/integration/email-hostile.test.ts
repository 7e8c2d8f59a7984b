// A corpus of malformed and hostile messages fed to the SMTP receiver over a real socket: broken
// MIME, wrong charsets, huge headers, nested message/rfc822, zip-bomb-like and disguised
// attachments, script in HTML, NUL bytes and control characters. The receiver never crashes; every
// message is either stored (and processed into a request whose text holds no HTML) or refused
// with a 5xx; nothing else is lost; and it still accepts ordinary mail afterwards.
import { deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../src/server/db/seed";
import { startSmtpReceiver, type RunningReceiver } from "../../src/server/mail/smtp-receiver";
import { connectTestDb, truncateAll } from "../support/db";
import { sendTo } from "../support/smtp";

const db = connectTestDb();
const now = new Date("2026-12-01T15:00:00Z");
const TO = "carrieres@cspq.gouv.qc.ca";
let receiver: RunningReceiver;

const CRLF = "\r\n";
const msg = (headers: string[], body: string) => [...headers, "", body].join(CRLF);
const base = (n: number, extra: string[] = []) => [`From: Hostile ${n} <hostile${n}@attaque.exemple>`, `To: ${TO}`, `Subject: Corpus ${n}`, `Message-ID: <corpus-${n}@attaque.exemple>`, ...extra];
const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64").replace(/.{76}/g, "$&\r\n");

/** A zip whose one entry inflates from 1 KB to 10 MB of zeros (a bomb's shape, at a test's scale). */
function zipBomb(): Buffer {
  const data = deflateRawSync(Buffer.alloc(10 * 1024 * 1024));
  const name = Buffer.from("zeros.bin");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(10 * 1024 * 1024, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}

function nested(depth: number, n: number): string {
  let inner = msg(["From: inner@attaque.exemple", "Subject: inner", "Content-Type: text/plain"], "le plus profond");
  for (let i = 0; i < depth; i++) inner = msg(["From: wrap@attaque.exemple", `Subject: level ${i}`, "Content-Type: message/rfc822"], inner);
  return msg([...base(n), "MIME-Version: 1.0", "Content-Type: message/rfc822"], inner);
}

function deepMultipart(depth: number, n: number): string {
  let body = "--b0\r\nContent-Type: text/plain\r\n\r\ncouche\r\n--b0--";
  for (let i = 1; i <= depth; i++) body = `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i - 1}"\r\n\r\n${body}\r\n--b${i}--`;
  return msg([...base(n), "MIME-Version: 1.0", `Content-Type: multipart/mixed; boundary="b${depth}"`], body);
}

const attachment = (n: number, filename: string, type: string, content: Buffer) =>
  msg([...base(n), "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="x"'], [
    "--x", "Content-Type: text/plain; charset=utf-8", "", "Voir la pièce jointe.",
    "--x", `Content-Type: ${type}; name="${filename}"`, `Content-Disposition: attachment; filename="${filename}"`, "Content-Transfer-Encoding: base64", "", b64(content),
    "--x--",
  ].join(CRLF));

const html = (n: number, markup: string) => msg([...base(n), "MIME-Version: 1.0", "Content-Type: text/html; charset=utf-8"], markup);

function corpus(): { name: string; raw: string | Buffer }[] {
  const c: { name: string; raw: string | Buffer }[] = [];
  let n = 0;
  const add = (name: string, make: (n: number) => string | Buffer) => c.push({ name, raw: make(++n) });
  add("no headers at all", () => "juste un corps sans en-têtes\r\n");
  add("headers only", (i) => base(i).join(CRLF) + CRLF + CRLF);
  add("empty body", (i) => msg(base(i), ""));
  add("missing closing boundary", (i) => msg([...base(i), "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="zz"'], "--zz\r\nContent-Type: text/plain\r\n\r\nsans fin"));
  add("boundary never used", (i) => msg([...base(i), 'Content-Type: multipart/mixed; boundary="nope"'], "texte hors partie"));
  add("empty boundary", (i) => msg([...base(i), 'Content-Type: multipart/mixed; boundary=""'], "--\r\n\r\nx\r\n----"));
  add("unknown charset", (i) => msg([...base(i), "Content-Type: text/plain; charset=x-nonsense"], "caf\xe9"));
  add("latin-1 bytes declared utf-8", (i) => Buffer.concat([Buffer.from(msg([...base(i), "Content-Type: text/plain; charset=utf-8"], "")), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a])]));
  add("utf-7", (i) => msg([...base(i), "Content-Type: text/plain; charset=utf-7"], "+ADw-script+AD4-alert(1)+ADw-/script+AD4-"));
  add("invalid base64", (i) => msg([...base(i), "Content-Type: text/plain", "Content-Transfer-Encoding: base64"], "!!!!@@@@####"));
  add("invalid quoted-printable", (i) => msg([...base(i), "Content-Type: text/plain", "Content-Transfer-Encoding: quoted-printable"], "=ZZ=G1=\r\nfin="));
  add("unknown transfer encoding", (i) => msg([...base(i), "Content-Transfer-Encoding: x-weird"], "corps"));
  add("garbage encoded-word subject", (i) => msg([`From: x${i}@attaque.exemple`, `To: ${TO}`, "Subject: =?UTF-8?Q?=ZZ=?= =?bogus?B?####?="], "corps"));
  add("encoded lone surrogate", (i) => msg([`From: x${i}@attaque.exemple`, `To: ${TO}`, "Subject: =?UTF-8?B?7aCA?="], "corps \u{1F600}"));
  add("huge subject (200 KB)", (i) => msg([`From: x${i}@attaque.exemple`, `To: ${TO}`, `Subject: ${"A".repeat(200_000)}`], "corps"));
  add("5,000 headers", (i) => msg([...base(i), ...Array.from({ length: 5000 }, (_, k) => `X-Junk-${k}: ${k}`)], "corps"));
  add("one folded header of 100 KB", (i) => msg([...base(i), `X-Long: ${Array.from({ length: 2000 }, () => "x".repeat(48)).join("\r\n ")}`], "corps"));
  add("1 MB line without a break", (i) => msg(base(i), "y".repeat(1_000_000)));
  add("NUL bytes in body", (i) => msg(base(i), "avant\u0000après\u0000"));
  add("NUL in subject and name", (i) => msg([`From: "Nul\u0000Nom" <nul${i}@attaque.exemple>`, `To: ${TO}`, "Subject: sujet\u0000nul"], "corps"));
  add("ANSI escapes and controls", (i) => msg(base(i), "\u001b[31mrouge\u001b[0m \u0007\u0008\u000b fin"));
  add("U+FFFE and U+FFFF", (i) => msg([...base(i), "Content-Type: text/plain; charset=utf-8"], "a\ufffeb\uffffc"));
  add("no From", (i) => msg([`To: ${TO}`, `Subject: sans expéditeur ${i}`], "corps"));
  add("From without address", (i) => msg([`From: Personne`, `To: ${TO}`, `Subject: nom seul ${i}`], "corps"));
  add("two From headers", (i) => msg([`From: a${i}@attaque.exemple`, `From: b${i}@attaque.exemple`, `To: ${TO}`, "Subject: deux"], "corps"));
  add("From with 300-char local part", (i) => msg([`From: ${"l".repeat(300)}${i}@attaque.exemple`, `To: ${TO}`, "Subject: long"], "corps"));
  add("absurdly long Message-ID", (i) => msg([`From: m${i}@attaque.exemple`, `To: ${TO}`, `Message-ID: <${"m".repeat(5000)}@x>`, "Subject: mid"], "corps"));
  add("Message-ID with spaces and brackets", (i) => msg([`From: m${i}@attaque.exemple`, `To: ${TO}`, "Message-ID: <a b<c>>@x", "Subject: mid2"], "corps"));
  add("In-Reply-To garbage", (i) => msg([...base(i), `In-Reply-To: ${"<".repeat(1000)}`, `References: ${"<x@y> ".repeat(2000)}`], "corps"));
  add("script in HTML", (i) => html(i, "<html><body><p>Bonjour</p><script>alert(document.cookie)</script></body></html>"));
  add("event handlers and javascript: links", (i) => html(i, '<img src=x onerror="alert(1)"><a href="javascript:alert(2)">clic</a><p onclick="x()">texte</p>'));
  add("iframe, object, style", (i) => html(i, '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><style>body{display:none}</style><p>visible</p>'));
  add("data: URI and base tag", (i) => html(i, '<base href="https://evil.example/"><a href="data:text/html,<script>alert(1)</script>">x</a>'));
  add("unclosed tags", (i) => html(i, "<div><p><b>gras <i>italique <table><tr><td>cellule"));
  add("HTML comment tricks", (i) => html(i, "<!--<script>alert(1)//--><p>après</p><![CDATA[<script>x</script>]]>"));
  add("multipart/alternative HTML only", (i) => msg([...base(i), "MIME-Version: 1.0", 'Content-Type: multipart/alternative; boundary="alt"'], "--alt\r\nContent-Type: text/html\r\n\r\n<h1>Titre</h1><script>x()</script><p>Paragraphe</p>\r\n--alt--"));
  add("nested message/rfc822, 10 levels", (i) => nested(10, i));
  add("nested message/rfc822, 60 levels", (i) => nested(60, i));
  add("multipart nested 50 deep", (i) => deepMultipart(50, i));
  add("zip bomb attachment", (i) => attachment(i, "rapport.zip", "application/zip", zipBomb()));
  add("executable named .pdf", (i) => attachment(i, "facture.pdf", "application/pdf", Buffer.from("MZ\x90\x00\x03\x00\x00\x00 exécutable")));
  add("HTML declared as PDF", (i) => attachment(i, "page.pdf", "application/pdf", Buffer.from("<html><script>alert(1)</script></html>")));
  add("SVG with script", (i) => attachment(i, "logo.svg", "image/svg+xml", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')));
  add("path traversal file name", (i) => attachment(i, "../../../../etc/passwd.txt", "text/plain", Buffer.from("root:x:0:0")));
  add("RTL override in file name", (i) => attachment(i, "facture\u202Efdp.exe", "application/octet-stream", Buffer.from("MZ")));
  add("empty attachment", (i) => attachment(i, "vide.pdf", "application/pdf", Buffer.alloc(0)));
  add("40 small attachments", (i) => msg([...base(i), "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="m"'], [
    "--m", "Content-Type: text/plain", "", "beaucoup de fichiers",
    ...Array.from({ length: 40 }, (_, k) => [`--m`, `Content-Type: text/plain; name="f${k}.txt"`, `Content-Disposition: attachment; filename="f${k}.txt"`, "", `fichier ${k}`].join(CRLF)),
    "--m--",
  ].join(CRLF)));
  add("attachment without a name", (i) => msg([...base(i), "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="n"'], "--n\r\nContent-Type: text/plain\r\n\r\ncorps\r\n--n\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64("%PDF-1.4\n%%EOF") + "\r\n--n--"));
  add("delivery-status report without our ids", (i) => msg([`From: MAILER-DAEMON@mx.exemple`, `To: ${TO}`, `Subject: bounce ${i}`, 'Content-Type: multipart/report; report-type=delivery-status; boundary="r"'], "--r\r\nContent-Type: text/plain\r\n\r\nechec\r\n--r--"));
  add("auto-reply with malformed Auto-Submitted", (i) => msg([...base(i), "Auto-Submitted: \u0000auto"], "absent"));
  add("binary junk", () => Buffer.from(Array.from({ length: 4096 }, (_, k) => (k * 7919) % 256)));
  add("header injection in name", (i) => msg([`From: "x\r\nBcc: victime@exemple" <inj${i}@attaque.exemple>`, `To: ${TO}`, "Subject: injection"], "corps"));
  add("mixed CR and LF line ends", (i) => [`From: cr${i}@attaque.exemple`, `To: ${TO}`, "Subject: cr"].join("\r") + "\n\n" + "ligne 1\rligne 2\nligne 3"); 
  add("text part of 5 MB", (i) => msg(base(i), "mot ".repeat(1_250_000)));
  return c;
}

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, now);
  receiver = await startSmtpReceiver({ db, port: 0, host: "127.0.0.1", authenticate: async () => false, clock: () => now, maxMessageBytes: 8 * 1024 * 1024, log: () => {} });
});
afterAll(async () => {
  await receiver?.close();
  await db.$disconnect();
});

describe("the receiver against hostile mail", () => {
  it("stores or refuses each of at least 50 hostile messages, never crashes, and keeps HTML out of what it shows", async () => {
    const messages = corpus();
    expect(messages.length).toBeGreaterThanOrEqual(50);
    const outcomes: { name: string; ok: boolean; code?: number | undefined }[] = [];
    for (const [i, m] of messages.entries()) {
      const result = await sendTo(receiver.port, { envelope: { from: `hostile${i + 1}@attaque.exemple`, to: [TO] }, raw: m.raw });
      await receiver.idle();
      outcomes.push({ name: m.name, ok: result.ok, code: result.ok ? undefined : result.code });
    }
    // Each is either accepted (250) or refused with a 5xx: never a dropped connection, never a 4xx.
    const odd = outcomes.filter((o) => !o.ok && !(o.code && o.code >= 500 && o.code < 600));
    expect(odd).toEqual([]);
    const accepted = outcomes.filter((o) => o.ok).length;
    // Nothing accepted is lost: one stored row per accepted message, each processed into a request.
    expect(await db.inboundEmail.count()).toBe(accepted);
    const unprocessed = await db.inboundEmail.findMany({ where: { processedAt: null }, select: { id: true, lastError: true } });
    expect(unprocessed).toEqual([]);
    expect(await db.request.count()).toBe(await db.inboundEmail.count({ where: { outcome: { in: ["request_created"] } } }));
    // What is shown is text: no markup from a message reaches a body or a subject.
    const bodies = await db.message.findMany({ select: { body: true, quoted: true, request: { select: { subject: true } } } });
    for (const b of bodies) {
      for (const text of [b.body, b.quoted ?? "", b.request.subject]) {
        expect(text).not.toMatch(/<script|<iframe|<object|<style|onerror=|<img|<a\s|<base/i);
        expect(text).not.toMatch(/[\u0000\u0007\u001b\ufffe\uffff]/);
        expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      }
    }
    // Disguised and dangerous files are refused; the rest of those messages is kept.
    const files = await db.attachment.findMany({ select: { filename: true, contentType: true } });
    expect(files.map((f) => f.filename)).not.toEqual(expect.arrayContaining(["rapport.zip", "facture.pdf", "page.pdf", "logo.svg"]));
    expect(files.every((f) => !f.filename.includes("/") && !f.filename.includes("\u202E"))).toBe(true);
    expect(files.filter((f) => /^f\d+\.txt$/.test(f.filename))).toHaveLength(20);
    expect(await db.requestEvent.count({ where: { kind: "attachments_refused" } })).toBeGreaterThanOrEqual(6);
  });

  it("still takes ordinary mail afterwards", async () => {
    const ok = await sendTo(receiver.port, { from: "normal@courriel.exemple", to: TO, subject: "Question ordinaire", text: "Bonjour, une question ordinaire." });
    await receiver.idle();
    expect(ok.ok).toBe(true);
    expect(await db.request.count({ where: { subject: "Question ordinaire" } })).toBe(1);
  });
});
