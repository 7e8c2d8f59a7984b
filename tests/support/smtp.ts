// Real SMTP on loopback for the tests: a nodemailer client that sends to Guichet's receiver, and a
// sink (smtp-server) that captures what Guichet sends, parsed with mailparser.
import type { Server } from "node:net";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SentResult = { ok: true; response: string } | { ok: false; code: number | undefined; response: string };

/** Sends one message to a receiver on loopback; a refusal is returned, not thrown. */
export async function sendTo(port: number, mail: Mail.Options): Promise<SentResult> {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, connectionTimeout: 10_000 });
  try {
    const info = await transport.sendMail(mail);
    return { ok: true, response: info.response };
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; message: string };
    return { ok: false, code: e.responseCode, response: e.response ?? e.message };
  } finally {
    transport.close();
  }
}

export type CapturedMail = { envelopeTo: string[]; raw: Buffer; parsed: ParsedMail };

export type Sink = { port: number; url: string; messages: CapturedMail[]; close(): Promise<void> };

/** An SMTP server that keeps everything it is sent. */
export async function startSink(listenPort = 0): Promise<Sink> {
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks);
        messages.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed: await simpleParser(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", () => resolve()));
  const address = (server as unknown as { server: Server }).server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A DNS answer table for mailauth (SPF, DMARC, DKIM records): nothing leaves the machine. */
export function fakeResolver(records: Record<string, string[]>) {
  return async (name: string, type: string) => {
    const key = `${type.toUpperCase()} ${name.toLowerCase()}`;
    const found = records[key];
    if (!found) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: "ENOTFOUND" });
    return type.toUpperCase() === "TXT" ? found.map((r) => [r]) : found;
  };
}
