import "server-only";
// What a requester hears by e-mail, queued in the transaction of the event it tells about (a new
// request, a public reply, a resolution), in their language, with a stable Message-ID and the
// thread's References so that their answer threads back into the request. The outbox is sent by
// the mail cycle (src/server/services/notifications.ts, sendEmails). Nothing is queued when the
// request has no address; automatic messages (acknowledgements) are capped per address per day so
// that two autoresponders cannot loop through us.
import { createHash, randomUUID } from "node:crypto";
import { localePath } from "@/i18n/locale-path";
import { acknowledgementMail, filesRefusedMail, replyMail, type MailLocale, type RefusedFileNote } from "@/server/mail/templates";
import { mailBaseUrl, mailDomain } from "@/server/mail/settings";
import { countAutomaticReply, insertRequestEmail, threadMessageIds } from "@/server/repositories/mail-repository";
import type { NewAcknowledgement, Tx } from "@/server/repositories/request-repository";
import { audiencePhones, getCatalogue, type Catalogue } from "@/server/services/get-catalogue";
import { askSatisfaction } from "@/server/services/satisfaction";

/** At most this many automatic messages (acknowledgements) to one address per day. */
export const MAX_AUTOMATIC_PER_ADDRESS_PER_DAY = 3;

const CANDIDATE_PHONES_SERVICE = "ca-dotation";

export type RequestForMail = {
  id: string;
  number: string;
  subject: string;
  serviceId: string;
  audienceId: string;
  channel: string;
  language: string;
  requesterEmail: string | null;
  requesterUser: { email: string; disabledAt: Date | null } | null;
};

async function requestForMail(tx: Tx, requestId: string): Promise<RequestForMail | null> {
  return tx.request.findUnique({
    where: { id: requestId },
    select: { id: true, number: true, subject: true, serviceId: true, audienceId: true, channel: true, language: true, requesterEmail: true, requesterUser: { select: { email: true, disabledAt: true } } },
  });
}

function addressOf(r: RequestForMail): string | null {
  if (r.requesterUser) return r.requesterUser.disabledAt ? null : r.requesterUser.email;
  return r.requesterEmail;
}

const localeOf = (r: RequestForMail): MailLocale => (r.language === "en" ? "en" : "fr");

function centreNameIn({ profiles }: Catalogue, serviceId: string, locale: MailLocale): string {
  return profiles.find((p) => p.serviceId === serviceId)?.name[locale] ?? "Guichet";
}

async function centreName(serviceId: string, locale: MailLocale): Promise<string> {
  return centreNameIn(await getCatalogue(), serviceId, locale);
}

/** The signed-in requester's page of the request (MO specialists, SAGIR users). */
function requestPageUrl(r: RequestForMail, locale: MailLocale): string | null {
  if (!r.requesterUser) return null;
  const path = r.serviceId === "sagir" ? `/sagir/requetes/${r.number}` : `/dotation/requetes/${r.number}`;
  return `${mailBaseUrl()}${localePath(path, locale)}`;
}

async function threadHeaders(tx: Tx, requestId: string): Promise<{ inReplyTo: string | null; references: string[] }> {
  const { inbound, sent } = await threadMessageIds(tx, requestId);
  const references = [...inbound, ...sent].slice(-20);
  return { inReplyTo: inbound.at(-1) ?? sent.at(-1) ?? null, references };
}

/** Counts an automatic message to the address; false once the day's cap is passed (then nothing is sent). */
async function withinAutomaticCap(tx: Tx, to: string, now: Date): Promise<boolean> {
  return (await countAutomaticReply(tx, automaticCapKey(to), capDayOf(now))) <= MAX_AUTOMATIC_PER_ADDRESS_PER_DAY;
}

const newMessageId = () => `<${randomUUID()}@${mailDomain()}>`;
/** The key of an address's counter of automatic messages: its hash, never the address. */
const automaticCapKey = (address: string) => `auto-reply:${createHash("sha256").update(address.toLowerCase()).digest("hex").slice(0, 32)}`;

/** The start of the day (UTC) whose automatic messages to an address are counted together. */
const capDayOf = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export type AcknowledgementOptions = {
  /** The new request, as its opening knows it (its number may still be the provisional one). */
  request: RequestForMail;
  /** Its targets, earliest due first. */
  targets: { metric: string; dueAt: Date }[];
  /** The e-mail it came from: the acknowledgement answers it. */
  thread: { inReplyTo: string | null; references: string[] };
  now: Date;
  /** The candidate's private tracking token (known only at creation: its hash is stored). */
  trackingToken: string | null;
  /** Files of the first message that were not kept: named to the sender. */
  refusedFiles?: readonly RefusedFileNote[];
  /** The catalogue, read before the transaction (see src/server/db/client.ts, getCatalogueDb). */
  catalogue: Catalogue;
};

/**
 * The acknowledgement of a new request, whatever its channel, rendered in the requester's language
 * and written with the request (request-repository.ts, insertNumberedRequest), which counts it against
 * the day's cap of automatic messages to the address; null when the request has no address.
 */
export function acknowledgementFor({ request: r, targets, thread, now, trackingToken, refusedFiles = [], catalogue }: AcknowledgementOptions): NewAcknowledgement | null {
  const to = addressOf(r);
  if (!to) return null;
  const locale = localeOf(r);
  let nominativeReminder = null;
  if (r.serviceId === CANDIDATE_PHONES_SERVICE && r.audienceId === "candidate" && r.channel === "email") {
    const phones = audiencePhones(catalogue, r.serviceId, r.audienceId);
    const status = catalogue.engine.status(r.serviceId, r.audienceId, now.getTime());
    nominativeReminder = { phones, openNow: status.open, nextOpening: status.nextOpening === null ? null : new Date(status.nextOpening) };
  }
  const mail = acknowledgementMail(
    {
      number: r.number,
      subject: r.subject,
      centre: centreNameIn(catalogue, r.serviceId, locale),
      receivedAt: now,
      targets,
      trackingUrl: trackingToken ? `${mailBaseUrl()}${localePath(`/suivi/${trackingToken}`, locale)}` : null,
      listUrl: requestPageUrl(r, locale),
      nominativeReminder,
      refusedFiles: [...refusedFiles],
    },
    locale,
  );
  return {
    capKey: automaticCapKey(to),
    capDay: capDayOf(now),
    capMax: MAX_AUTOMATIC_PER_ADDRESS_PER_DAY,
    locale,
    subject: mail.subject,
    body: mail.text,
    html: mail.html,
    messageId: newMessageId(),
    inReplyTo: thread.inReplyTo,
    references: thread.references,
    createdAt: now,
  };
}

export type ReplyMailOptions = {
  requestId: string;
  now: Date;
  /** answer | delay_notice | redirection | taken_in_charge | resolved */
  kind: string;
  body: string | null;
  promisedDate: string | null;
  resolved: boolean;
  /** The message whose attachments go with the e-mail. */
  messageRef: string | null;
  attachmentNames: string[];
  /** Who resolved the request (when `resolved`): the satisfaction question is about their work. */
  agentId?: string | null;
};

/** A public reply, an avis de délai, a redirection, the take in charge or the resolution, by e-mail. */
export async function queueReplyMail(tx: Tx, options: ReplyMailOptions): Promise<boolean> {
  // A resolution asks the requester's satisfaction once (src/server/services/satisfaction.ts):
  // on their page, and in this e-mail by a single-use link.
  const satisfactionToken = options.resolved ? await askSatisfaction(tx, { requestId: options.requestId, agentId: options.agentId ?? null, now: options.now }) : null;
  const r = await requestForMail(tx, options.requestId);
  if (!r || !addressOf(r)) return false;
  const locale = localeOf(r);
  const mail = replyMail(
    {
      number: r.number,
      subject: r.subject,
      centre: await centreName(r.serviceId, locale),
      kind: options.kind,
      body: options.body,
      promisedDate: options.promisedDate,
      resolved: options.resolved,
      link: requestPageUrl(r, locale),
      attachmentNames: options.attachmentNames,
      satisfactionUrl: satisfactionToken ? `${mailBaseUrl()}${localePath(`/avis/${satisfactionToken}`, locale)}` : null,
    },
    locale,
  );
  const thread = await threadHeaders(tx, r.id);
  await insertRequestEmail(tx, { requestId: r.id, kind: options.kind, automatic: false, locale, subject: mail.subject, body: mail.text, html: mail.html, messageId: newMessageId(), ...thread, messageRef: options.messageRef, createdAt: options.now });
  return true;
}

/** Files of a requester's e-mail that were not kept, named back to them (an automatic message, capped). */
export async function queueFilesRefusedNotice(tx: Tx, { requestId, now, refused }: { requestId: string; now: Date; refused: readonly RefusedFileNote[] }): Promise<boolean> {
  const r = await requestForMail(tx, requestId);
  const to = r && addressOf(r);
  if (!r || !to || !(await withinAutomaticCap(tx, to, now))) return false;
  const locale = localeOf(r);
  const mail = filesRefusedMail({ number: r.number, subject: r.subject, centre: await centreName(r.serviceId, locale), refused: [...refused] }, locale);
  const thread = await threadHeaders(tx, r.id);
  await insertRequestEmail(tx, { requestId: r.id, kind: "files_refused", automatic: true, locale, subject: mail.subject, body: mail.text, html: mail.html, messageId: newMessageId(), ...thread, messageRef: null, createdAt: now });
  return true;
}
