import "server-only";
// The SMTP receiver: the centres' mail servers forward each mailbox here (GUICHET_SMTP_PORT, 2525
// by default). An entry as thin as a route: it checks who connects (GUICHET_SMTP_ALLOW_FROM, CIDRs,
// loopback by default), refuses a recipient that is no mailbox (550) and a message over the size
// limit (552), stores the raw message (src/server/services/receive-email.ts) and only then answers
// 250; if the database cannot take it, the answer is 451 and the sending server retries later.
// Processing follows, a few messages at a time, after the answer (the sending server does not wait
// for the request to be opened); a failure or a crash leaves the message stored, processed again
// by the mail cycle. STARTTLS is offered when a key and certificate are configured.
import { log as appLog, scrub } from "@/server/log";
import { readFileSync } from "node:fs";
import { BlockList, isIP, type Server } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { Db } from "@/server/db/client";
import { findMailbox } from "@/server/repositories/mail-repository";
import { processInboundEmail, storeInboundEmail, type SenderAuthenticator } from "@/server/services/receive-email";

/** 25 MB of attachments, base64-encoded (×4/3), plus the text and headers. */
export const DEFAULT_MAX_MESSAGE_BYTES = 36 * 1024 * 1024;

export type ReceiverOptions = {
  db: Db;
  port: number;
  host?: string;
  maxMessageBytes?: number;
  /** CIDRs (or addresses) allowed to connect; loopback when empty. */
  allowFrom?: readonly string[];
  tls?: { key: Buffer; cert: Buffer } | null;
  authenticate: SenderAuthenticator;
  /** "now" for what the message opens (the real clock but in tests). */
  clock?: () => Date;
  /** Process each message after storing it (true); false leaves them to the mail cycle. */
  processInline?: boolean;
  /** Messages processed at the same time (each in its own transaction). */
  processConcurrency?: number;
  log?: (line: string) => void;
};

export type RunningReceiver = {
  port: number;
  /** Resolves once every accepted message has been processed (tests, the bench, a graceful stop). */
  idle(): Promise<void>;
  close(): Promise<void>;
};

/** Beyond this many messages waiting to be processed (ids: a few MB), new ones are left to the mail cycle. */
const MAX_WAITING = 200_000;

const smtpError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

/** The allow-list as a BlockList: every CIDR or address given, or loopback. */
export function allowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  const items = entries.length ? entries : ["127.0.0.0/8", "::1/128"];
  for (const raw of items) {
    const [address, prefix] = raw.trim().split("/");
    const family = isIP(address ?? "");
    if (!family) throw new Error(`GUICHET_SMTP_ALLOW_FROM: "${raw}" is not an address or CIDR`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return list;
}

function isAllowed(list: BlockList, remote: string): boolean {
  const address = remote.startsWith("::ffff:") ? remote.slice(7) : remote;
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

function readStream(stream: SMTPServerDataStream, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    stream.on("end", () => resolve(stream.sizeExceeded || size > limit ? null : Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

const oneLine = (error: unknown) => String((error as Error)?.message ?? error).split("\n")[0]!.slice(0, 200);

export async function startSmtpReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const allowed = allowList(options.allowFrom ?? []);
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => appLog.warn("smtp", { detail: scrub(line) }));
  const processInline = options.processInline ?? true;
  // Two at a time: on two cores, more would take the CPU from accepting mail (bench:mail) for little gain.
  const concurrency = options.processConcurrency ?? 2;

  // Processing after the 250: a small in-process queue (the rows are the durable one).
  const waiting: bigint[] = [];
  let active = 0;
  let idleWaiters: (() => void)[] = [];
  const settleIdle = () => {
    if (active === 0 && waiting.length === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };
  const pump = () => {
    while (active < concurrency && waiting.length > 0) {
      const id = waiting.shift()!;
      active += 1;
      processInboundEmail(options.db, id, clock(), { authenticate: options.authenticate })
        // Stored: the mail cycle processes it again. The error carries no personal information.
        .catch((error) => log(`guichet smtp: message ${id} stored, processing deferred: ${oneLine(error)}`))
        .finally(() => {
          active -= 1;
          pump();
          settleIdle();
        });
    }
  };

  const server = new SMTPServer({
    name: process.env.GUICHET_SMTP_HOSTNAME ?? "guichet",
    banner: "Guichet",
    size: maxBytes,
    authOptional: true,
    disabledCommands: options.tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    maxClients: 100,
    socketTimeout: 60_000,
    onConnect(session: SMTPServerSession, callback) {
      if (isAllowed(allowed, session.remoteAddress)) return callback();
      callback(smtpError(554, "5.7.1 Connexion refusée / Connection refused"));
    },
    onRcptTo(address, session, callback) {
      findMailbox(options.db, address.address)
        .then((mailbox) => {
          if (!mailbox) return callback(smtpError(550, "5.1.1 Boîte aux lettres inconnue / No such mailbox"));
          callback();
        })
        .catch((error) => {
          log(`guichet smtp: 451 at RCPT TO: ${oneLine(error)}`);
          callback(smtpError(451, "4.3.0 Service momentanément indisponible, réessayez / Temporarily unavailable, try again"));
        });
    },
    onData(stream, session, callback) {
      handleData(stream, session)
        .then((reply) => callback(null, reply))
        .catch((error: Error & { responseCode?: number }) => callback(error));
    },
  });

  async function handleData(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const raw = await readStream(stream, maxBytes);
    if (!raw) throw smtpError(552, `5.3.4 Message trop volumineux (max. ${Math.floor(maxBytes / 1024 / 1024)} Mo) / Message too big`);
    const mailbox = session.envelope.rcptTo[0]?.address.toLowerCase() ?? "";
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
    const messageId = /^message-id:\s*(<[^>\r\n]{1,490}>)/im.exec(raw.subarray(0, 64 * 1024).toString("latin1").split(/\r?\n\r?\n/)[0] ?? "")?.[1] ?? null;
    let stored;
    try {
      stored = await storeInboundEmail(options.db, { mailbox, envelopeFrom, messageId, remoteAddress: session.remoteAddress, heloName: session.hostNameAppearsAs || null, raw, receivedAt: clock() });
    } catch (error) {
      log(`guichet smtp: 451 at DATA (not stored): ${oneLine(error)}`);
      throw smtpError(451, "4.3.0 Service momentanément indisponible, réessayez / Temporarily unavailable, try again");
    }
    if (stored.duplicate) return "2.0.0 Déjà reçu / Already received";
    if (processInline && waiting.length < MAX_WAITING) {
      waiting.push(stored.id!);
      pump();
    }
    return "2.0.0 Message reçu / Message accepted";
  }

  server.on("error", (error) => log(`guichet smtp: ${oneLine(error)}`));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = (server as unknown as { server: Server }).server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const idle = () => new Promise<void>((resolve) => {
    idleWaiters.push(resolve);
    settleIdle();
  });
  return {
    port,
    idle,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await idle();
    },
  };
}

/** The receiver's settings from the environment (null when GUICHET_SMTP_PORT=off). */
export function receiverSettingsFromEnv(): Omit<ReceiverOptions, "db" | "authenticate"> | null {
  const port = process.env.GUICHET_SMTP_PORT ?? "2525";
  if (port === "off") return null;
  const key = process.env.GUICHET_SMTP_TLS_KEY;
  const cert = process.env.GUICHET_SMTP_TLS_CERT;
  return {
    port: Number(port),
    host: process.env.GUICHET_SMTP_HOST ?? "0.0.0.0",
    maxMessageBytes: process.env.GUICHET_SMTP_MAX_BYTES ? Number(process.env.GUICHET_SMTP_MAX_BYTES) : DEFAULT_MAX_MESSAGE_BYTES,
    allowFrom: (process.env.GUICHET_SMTP_ALLOW_FROM ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    tls: key && cert ? { key: readFileSync(key), cert: readFileSync(cert) } : null,
  };
}
