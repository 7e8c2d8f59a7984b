import "server-only";
// What Guichet writes to requesters by e-mail, in their language. Each template is one list of
// blocks (paragraphs, a quoted reply, facts, links) rendered twice: a text part and a simple HTML
// part, so the two always say the same. Every value is escaped in the HTML part; nothing a person
// typed is ever read as HTML.
import en from "../../../messages/en.json";
import fr from "../../../messages/fr.json";
import { formatMoney } from "@/domain/billing/billing";
import { formatDateTime, formatIsoDate } from "@/i18n/format";
import { phoneText } from "@/i18n/phone";

export type MailLocale = "fr" | "en";

type Block =
  | { kind: "p"; text: string }
  | { kind: "quote"; text: string }
  | { kind: "facts"; rows: [string, string][] }
  | { kind: "link"; label: string; url: string }
  | { kind: "small"; text: string };

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function renderText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case "p":
        case "small":
          return b.text;
        case "quote":
          return b.text;
        case "facts":
          return b.rows.map(([k, v]) => `${k} : ${v}`).join("\n");
        case "link":
          return `${b.label} : ${b.url}`;
      }
    })
    .join("\n\n");
}

export function renderHtml(blocks: readonly Block[], lang: MailLocale): string {
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case "p":
          return `<p style="margin:0 0 16px">${escapeHtml(b.text).replace(/\n/g, "<br>")}</p>`;
        case "small":
          return `<p style="margin:16px 0 0;font-size:13px;color:#4b5563">${escapeHtml(b.text).replace(/\n/g, "<br>")}</p>`;
        case "quote":
          return `<div style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #095797;background:#f1f5f9;white-space:pre-wrap">${escapeHtml(b.text)}</div>`;
        case "facts":
          return `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${b.rows.map(([k, v]) => `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(k)}</th><td style="padding:2px 0">${escapeHtml(v)}</td></tr>`).join("")}</table>`;
        case "link":
          return `<p style="margin:0 0 16px"><a href="${escapeHtml(b.url)}" style="color:#095797">${escapeHtml(b.label)}</a></p>`;
      }
    })
    .join("\n");
  return `<!DOCTYPE html><html lang="${lang === "fr" ? "fr-CA" : "en-CA"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2937;background:#ffffff"><div style="max-width:640px">${body}</div></body></html>`;
}

const metricLabel = (metric: string, locale: MailLocale) => ((locale === "fr" ? fr : en).Dashboard.metrics as Record<string, string>)[metric] ?? metric;

export type RenderedMail = { subject: string; text: string; html: string };

function render(subject: string, blocks: Block[], locale: MailLocale): RenderedMail {
  return { subject, text: renderText(blocks), html: renderHtml(blocks, locale) };
}

const subjectOf = (number: string, subject: string) => `[${number}] ${subject}`.slice(0, 250);

function keepNumber(locale: MailLocale, centre: string): Block {
  return {
    kind: "small",
    text: locale === "fr"
      ? `Pour ajouter un renseignement, répondez à ce courriel en gardant le numéro dans l'objet. — ${centre}`
      : `To add information, reply to this e-mail and keep the number in the subject. — ${centre}`,
  };
}

export type AcknowledgementData = {
  number: string;
  subject: string;
  centre: string;
  receivedAt: Date;
  targets: { metric: string; dueAt: Date }[];
  trackingUrl: string | null;
  listUrl: string | null;
  /** A candidate who wrote by e-mail: the seed's rule, the phone numbers and whether the line is open now. */
  nominativeReminder: { phones: string[]; openNow: boolean; nextOpening: Date | null } | null;
  refusedFiles: RefusedFileNote[];
};

export type RefusedFileNote = { name: string; reason: "too-large" | "type-not-allowed" | "empty" };

function refusedFilesBlock(files: readonly RefusedFileNote[], locale: MailLocale): Block {
  const F = locale === "fr";
  const why = (r: RefusedFileNote["reason"]) =>
    r === "too-large" ? (F ? "trop volumineux (10 Mo par fichier, 25 Mo par message)" : "too large (10 MB a file, 25 MB a message)")
      : r === "empty" ? (F ? "vide" : "empty")
        : (F ? "type de fichier non accepté (PDF, images, documents bureautiques, CSV, texte)" : "file type not accepted (PDF, images, office documents, CSV, text)");
  return {
    kind: "p",
    text: `${F ? "Ces pièces jointes n'ont pas été conservées" : "These attachments were not kept"} :\n${files.map((f) => `– ${f.name} : ${why(f.reason)}`).join("\n")}\n${F ? "Le reste de votre message est bien reçu." : "The rest of your message was received."}`,
  };
}

export function filesRefusedMail(d: { number: string; subject: string; centre: string; refused: RefusedFileNote[] }, locale: MailLocale): RenderedMail {
  const blocks: Block[] = [{ kind: "p", text: locale === "fr" ? "Bonjour," : "Hello," }, refusedFilesBlock(d.refused, locale), keepNumber(locale, d.centre)];
  return render(subjectOf(d.number, d.subject), blocks, locale);
}

export function acknowledgementMail(d: AcknowledgementData, locale: MailLocale): RenderedMail {
  const F = locale === "fr";
  const blocks: Block[] = [
    { kind: "p", text: F ? "Bonjour," : "Hello," },
    { kind: "p", text: F ? `Nous avons bien reçu votre demande « ${d.subject} ». Son numéro est ${d.number}.` : `We have received your request "${d.subject}". Its number is ${d.number}.` },
  ];
  if (d.targets.length) {
    blocks.push({ kind: "facts", rows: d.targets.map((t) => [metricLabel(t.metric, locale), F ? `au plus tard ${formatDateTime(t.dueAt.getTime(), locale)}` : `by ${formatDateTime(t.dueAt.getTime(), locale)}`]) });
  }
  if (d.nominativeReminder) {
    const { phones, openNow, nextOpening } = d.nominativeReminder;
    const line = openNow
      ? (F ? "La ligne est ouverte en ce moment." : "The line is open now.")
      : nextOpening
        ? (F ? `La ligne est fermée en ce moment; elle ouvrira ${formatDateTime(nextOpening.getTime(), locale)}.` : `The line is closed now; it opens ${formatDateTime(nextOpening.getTime(), locale)}.`)
        : "";
    blocks.push({
      kind: "p",
      text: F
        ? `Rappel : aucune demande de nature nominative (au sujet de votre propre dossier) n'est traitée par courriel. Pour votre dossier, appelez le ${phones.join(" ou le ")} : votre identité sera validée. ${line}`.trim()
        : `Please note: no request about your own file is handled by e-mail. For your file, call ${phones.map((p) => phoneText(p, "en")).join(" or ")}: your identity will be validated. ${line}`.trim(),
    });
  }
  if (d.refusedFiles.length) blocks.push(refusedFilesBlock(d.refusedFiles, locale));
  if (d.trackingUrl) blocks.push({ kind: "link", label: F ? "Suivre votre demande" : "Follow your request", url: d.trackingUrl });
  if (d.listUrl) blocks.push({ kind: "link", label: F ? "Vos requêtes dans Guichet" : "Your requests in Guichet", url: d.listUrl });
  blocks.push(keepNumber(locale, d.centre));
  return render(subjectOf(d.number, d.subject), blocks, locale);
}

export type ReplyMailData = {
  number: string;
  subject: string;
  centre: string;
  /** answer | delay_notice | redirection | taken_in_charge | resolved */
  kind: string;
  body: string | null;
  promisedDate: string | null;
  resolved: boolean;
  /** The single-use link of the satisfaction question (a first resolution). */
  satisfactionUrl?: string | null;
  link: string | null;
  attachmentNames: string[];
};

export function replyMail(d: ReplyMailData, locale: MailLocale): RenderedMail {
  const F = locale === "fr";
  const intro: Record<string, [string, string]> = {
    answer: [`Voici la réponse à votre demande ${d.number}.`, `Here is the answer to your request ${d.number}.`],
    delay_notice: [`Votre demande ${d.number} demande plus de temps.`, `Your request ${d.number} needs more time.`],
    redirection: [`Votre demande ${d.number} relève d'un autre service : voici où vous adresser.`, `Your request ${d.number} is handled elsewhere: here is where to turn.`],
    taken_in_charge: [`Votre demande ${d.number} a été prise en charge par notre équipe.`, `Your request ${d.number} has been taken in charge by our team.`],
    resolved: [`Votre demande ${d.number} est résolue.`, `Your request ${d.number} is resolved.`],
  };
  const [frIntro, enIntro] = intro[d.kind] ?? intro.answer!;
  const blocks: Block[] = [{ kind: "p", text: F ? "Bonjour," : "Hello," }, { kind: "p", text: F ? frIntro : enIntro }];
  if (d.body) blocks.push({ kind: "quote", text: d.body });
  if (d.promisedDate) {
    blocks.push({ kind: "facts", rows: [[F ? "Réponse promise" : "Promised answer", F ? `au plus tard le ${formatIsoDate(d.promisedDate, locale)}` : `by ${formatIsoDate(d.promisedDate, locale)}`]] });
  }
  if (d.attachmentNames.length) blocks.push({ kind: "p", text: `${F ? "Pièces jointes" : "Attachments"} : ${d.attachmentNames.join(", ")}` });
  if (d.resolved && d.kind !== "resolved") blocks.push({ kind: "p", text: F ? "Votre demande est maintenant résolue. Si quelque chose manque, répondez simplement à ce courriel." : "Your request is now resolved. If anything is missing, simply reply to this e-mail." });
  if (d.kind === "resolved") blocks.push({ kind: "p", text: F ? "Si quelque chose manque, répondez simplement à ce courriel." : "If anything is missing, simply reply to this e-mail." });
  if (d.satisfactionUrl) {
    blocks.push({ kind: "p", text: F ? "Une seule question, 30 secondes : êtes-vous satisfait de la réponse reçue ?" : "One question, 30 seconds: are you satisfied with the answer you received?" });
    blocks.push({ kind: "link", label: F ? "Donner mon avis" : "Give my opinion", url: d.satisfactionUrl });
  }
  if (d.link) blocks.push({ kind: "link", label: F ? "Voir votre demande" : "See your request", url: d.link });
  blocks.push(keepNumber(locale, d.centre));
  return render(subjectOf(d.number, d.subject), blocks, locale);
}

/** `pilot` invites, pilot of `organization`; or, with `byAdmin`, an administrator of Guichet (organization unused). */
export type InvitationMailData = { name: string; organization: string; pilot: string; url: string; expiresAt: Date; renewed: boolean; byAdmin?: boolean };

export type PasswordResetMailData = { name: string; url: string; expiresAt: Date };

/** The « mot de passe oublié » link: valid one hour, works once; ignoring it changes nothing. */
export function passwordResetMail(d: PasswordResetMailData, locale: MailLocale): RenderedMail {
  const F = locale === "fr";
  const until = formatDateTime(d.expiresAt.getTime(), locale).replace(/^le /, "");
  const blocks: Block[] = [
    { kind: "p", text: F ? `Bonjour ${d.name},` : `Hello ${d.name},` },
    { kind: "p", text: F ? "Vous avez demandé à choisir un nouveau mot de passe pour Guichet." : "You asked to choose a new password for Guichet." },
    { kind: "link", label: F ? "Choisir un nouveau mot de passe" : "Choose a new password", url: d.url },
    { kind: "p", text: F ? `Ce lien est valide une heure, jusqu'au ${until}, et ne sert qu'une fois. Vos sessions ouvertes seront fermées.` : `This link is valid for one hour, until ${until}, and works once. Your open sessions will be closed.` },
    { kind: "small", text: F ? "Vous n'avez rien demandé ? Ignorez ce courriel : votre mot de passe ne change pas." : "Did not ask for this? Ignore this e-mail: your password does not change." },
  ];
  return render(F ? "Choisir un nouveau mot de passe — Guichet" : "Choose a new password — Guichet", blocks, locale);
}

/** The pilot's invitation: the link where the person chooses their password, and until when it works. */
export function invitationMail(d: InvitationMailData, locale: MailLocale): RenderedMail {
  const F = locale === "fr";
  const until = formatDateTime(d.expiresAt.getTime(), locale).replace(/^le /, "");
  const blocks: Block[] = [
    { kind: "p", text: F ? `Bonjour ${d.name},` : `Hello ${d.name},` },
    {
      kind: "p",
      text: F
        ? `${d.pilot}, ${d.byAdmin ? "de l'administration de Guichet" : `pilote de ${d.organization}`}, vous ${d.renewed ? "envoie un nouveau lien pour" : "invite à"} utiliser Guichet, le service en ligne des centres d'assistance du CSPQ.`
        : `${d.pilot}, ${d.byAdmin ? "of Guichet's administration" : `pilot of ${d.organization}`}, ${d.renewed ? "sends you a new link to" : "invites you to"} use Guichet, the online service of the CSPQ's assistance centres.`,
    },
    { kind: "link", label: F ? "Choisir mon mot de passe" : "Choose my password", url: d.url },
    { kind: "p", text: F ? `Ce lien est valide jusqu'au ${until} et ne sert qu'une fois.` : `This link is valid until ${until} and works once.` },
    { kind: "small", text: F ? "Vous n'attendiez pas ce courriel ? Ignorez-le : aucun compte ne sera utilisable sans ce lien." : "Not expecting this e-mail? Ignore it: the account cannot be used without this link." },
  ];
  return render(F ? "Votre invitation à Guichet" : "Your invitation to Guichet", blocks, locale);
}

export type InvoiceMailData = { name: string; organization: string; number: string; kind: "monthly" | "adjustment" | "credit"; period: string; amountCents: number; dueOn: string; url: string };

/** A SAGIR invoice issued to an MO, to its pilot: what, how much, when due, and the link to it (and its PDF). */
export function invoiceMail(d: InvoiceMailData, locale: MailLocale): RenderedMail {
  const F = locale === "fr";
  const amount = formatMoney(Math.abs(d.amountCents), locale);
  const what = F
    ? { monthly: "Facture", adjustment: "Facture d'ajustement de fin d'exercice", credit: "Note de crédit de fin d'exercice" }[d.kind]
    : { monthly: "Invoice", adjustment: "Year-end adjustment invoice", credit: "Year-end credit note" }[d.kind];
  const blocks: Block[] = [
    { kind: "p", text: F ? `Bonjour ${d.name},` : `Hello ${d.name},` },
    {
      kind: "p",
      text: F
        ? `Le Centre d'assistance SAGIR a émis ${d.kind === "credit" ? "une note de crédit" : "une facture"} à ${d.organization} pour ${d.period}.`
        : `The Centre d'assistance SAGIR issued ${d.kind === "credit" ? "a credit note" : "an invoice"} to ${d.organization} for ${d.period}.`,
    },
    {
      kind: "facts",
      rows: [
        [F ? "Numéro" : "Number", d.number],
        [F ? "Montant" : "Amount", d.kind === "credit" ? `${amount} ${F ? "(crédit)" : "(credit)"}` : amount],
        ...(d.kind === "credit" ? [] : [[F ? "Payable au plus tard le" : "Due by", formatIsoDate(d.dueOn, locale)] as [string, string]]),
      ],
    },
    { kind: "link", label: F ? "Voir la facture et son PDF" : "See the invoice and its PDF", url: d.url },
    { kind: "small", text: F ? "Vous recevez ce courriel comme pilote de votre organisation auprès du Centre d'assistance SAGIR." : "You get this e-mail as your organization's pilot with the Centre d'assistance SAGIR." },
  ];
  return render(`${what} ${d.number}`, blocks, locale);
}

export type CommuniqueMailData = {
  number: string;
  title: string;
  /** The text exactly as written (unchanged content): shown as is, never read as HTML. */
  body: string;
  /** Who wrote it: the DGGIR, CA-dotation, or the MO's name. */
  source: "dggir" | "ca-dotation" | "mo";
  organization: string | null;
  fingerprint: string;
  files: string[];
  replaces: string | null;
  url: string;
};

/** A communiqué's e-mail copy: who sends it, its text as written, its files and fingerprint, the link to read it and ask a question. */
export function communiqueMail(d: CommuniqueMailData, locale: MailLocale): RenderedMail {
  const F = locale === "fr";
  const from = {
    dggir: F ? "Communiqué de la DGGIR, transmis par le Centre d'assistance SAGIR" : "DGGIR communiqué, forwarded by the Centre d'assistance SAGIR",
    "ca-dotation": F ? "Communiqué du Centre d'assistance en dotation" : "Communiqué of the Centre d'assistance en dotation",
    mo: F ? `Communiqué de ${d.organization ?? "votre organisation"} concernant SAGIR, transmis par le Centre d'assistance SAGIR` : `Communiqué of ${d.organization ?? "your organization"} about SAGIR, forwarded by the Centre d'assistance SAGIR`,
  }[d.source];
  const rows: [string, string][] = [[F ? "Numéro" : "Number", d.number]];
  if (d.replaces) rows.push([F ? "Remplace" : "Replaces", d.replaces]);
  if (d.files.length) rows.push([F ? "Pièces jointes" : "Attachments", d.files.join(", ")]);
  rows.push([F ? "Empreinte SHA-256" : "SHA-256 fingerprint", d.fingerprint]);
  const blocks: Block[] = [
    { kind: "p", text: from },
    { kind: "p", text: d.title },
    { kind: "quote", text: d.body },
    { kind: "facts", rows },
    { kind: "link", label: F ? "Lire le communiqué ou poser une question" : "Read the communiqué or ask a question", url: d.url },
    { kind: "small", text: F ? "Vous recevez ce communiqué en tant qu'utilisateur de Guichet visé par son auditoire. Ne répondez pas à ce courriel : posez vos questions à partir du lien ci-dessus." : "You receive this communiqué as a Guichet user in its audience. Do not reply to this e-mail: ask your questions from the link above." },
  ];
  return render(`[${d.number}] ${d.title}`.slice(0, 250), blocks, locale);
}
