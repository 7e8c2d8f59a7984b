import "server-only";
// Demo requests for `npm run dev` (the developer's embedded database, on its first start only):
// four weeks of both centres' traffic before now — candidate inquiries, MO requests, SAGIR
// requests, phone calls and a voicemail — some answered on time, some late, some with an avis de
// délai, some still waiting, so that the console's queue and the managers' dashboards show
// something. Made through the application's own use cases: targets, events, messages and
// derived columns are exactly those the app writes. The demo people are made first
// (seedDemoData); the app's database client must point at this database (DATABASE_URL).
import { getZone } from "@/domain/catalogue/zone";
import { simulateCallDay } from "@/domain/telephony/simulate";
import { ZCallInput, ZReplyInput } from "@/schemas/console";
import { ZCandidateInquiryInput } from "@/schemas/inquiry";
import { ZSagirRequestInput } from "@/schemas/sagir-request";
import { toCurrentUser, type CurrentUser } from "@/server/auth/session-user";
import type { Db } from "@/server/db/client";
import { findSessionUser } from "@/server/repositories/user-repository";
import { receiveCallEvent } from "@/server/services/call-events";
import { createCandidateInquiry } from "@/server/services/create-candidate-inquiry";
import { createMoRequest } from "@/server/services/create-mo-request";
import { createSagirRequest } from "@/server/services/create-sagir-request";
import { getCatalogue } from "@/server/services/get-catalogue";
import { replyToRequest, takeInCharge } from "@/server/services/handle-request";
import { logCall } from "@/server/services/log-call";

const HOUR = 3_600_000;
const CANDIDATE_SUBJECTS = [
  ["Accès à mon compte Emplois en ligne", "Je n'arrive plus à ouvrir une session dans Emplois en ligne depuis hier soir."],
  ["Déroulement d'un processus de qualification", "Combien de temps dure habituellement un processus de qualification après l'examen?"],
  ["Bassin de personnes qualifiées", "Comment savoir combien de temps je reste dans un bassin de personnes qualifiées?"],
  ["Téléverser un diplôme", "Le téléversement de mon diplôme échoue : le fichier PDF est-il trop lourd?"],
] as const;
const MO_SUBJECTS = [
  ["Publication d'un appel de candidatures", "Comment modifier la date de fin d'affichage d'un appel de candidatures déjà publié?"],
  ["Rapport des candidatures", "Le rapport mensuel des candidatures ne contient aucune ligne pour octobre."],
] as const;
const SAGIR_TYPES = ["access", "self-service", "specialised"] as const;
const SAGIR_SAMPLES: Record<(typeof SAGIR_TYPES)[number], Record<string, string>> = {
  access: { type: "access", accessKind: "password-reset", userName: "Julie Pelletier", subject: "Mot de passe expiré", description: "Le mot de passe SAGIR est expiré depuis ce matin." },
  "self-service": { type: "self-service", module: "LSH", profile: "manager", subject: "Approbation d'heures", description: "Le bouton d'approbation ne répond pas dans LSH." },
  specialised: { type: "specialised", domain: "RF", subject: "Segment comptable", description: "Quel segment comptable utiliser pour ce projet de service?" },
};

async function person(db: Db, email: string): Promise<CurrentUser> {
  const row = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return toCurrentUser((await findSessionUser(db, row.id))!)!;
}

/** Creates the demo requests if the database has no request at all; returns how many it made. */
export async function seedDemoRequests(db: Db, now: Date): Promise<number> {
  if ((await db.request.count()) > 0) return 0;
  const { engine } = await getCatalogue();
  const zone = getZone("America/Toronto");
  const [mo, sagirUser, agent, sagirAgent] = await Promise.all([
    person(db, "specialiste@mfq.exemple.qc.ca"),
    person(db, "sagir@mfq.exemple.qc.ca"),
    person(db, "agent.dotation@cspq.exemple.qc.ca"),
    person(db, "agent.sagir@cspq.exemple.qc.ca"),
  ]);
  const version = async (number: string) => (await db.request.findUniqueOrThrow({ where: { number }, select: { version: true } })).version;
  const reply = async (number: string, kind: "answer" | "delay_notice", at: Date, promisedDate?: string) =>
    replyToRequest({
      user: number.startsWith("SAG") ? sagirAgent : agent,
      number,
      now: at,
      input: ZReplyInput.parse({
        kind,
        body: kind === "answer" ? "Bonjour, voici la réponse à votre question. Bonne journée." : "Bonjour, nous vous répondrons au plus tard le {date}.",
        expectedVersion: await version(number),
        ...(promisedDate ? { promisedDate } : {}),
      }),
    });
  // The business days of the last four weeks (today excluded), at 10:00 in Québec.
  const today = zone.dayOf(now.getTime());
  const days: number[] = [];
  for (let day = today - 28; day < today; day += 1) {
    const at = zone.wallToUtc(day, 10 * 60);
    if (engine.status("sagir", "sagir-user", at).open && engine.status("ca-dotation", "candidate", at).open) days.push(at);
  }
  const local = (at: number) => {
    const d = new Date(at + zone.offsetAt(at));
    return d.toISOString().slice(0, 16);
  };
  let made = 0;
  for (const [i, at] of days.entries()) {
    const receivedAt = new Date(at);
    const later = (hours: number) => new Date(Math.min(at + hours * HOUR, now.getTime() - 60_000));
    // A candidate's inquiry each day: answered the same day, after an avis de délai, or not yet.
    const [subject, message] = CANDIDATE_SUBJECTS[i % CANDIDATE_SUBJECTS.length]!;
    const inquiry = await createCandidateInquiry({
      input: ZCandidateInquiryInput.parse({ name: "Candidate de démonstration", email: `candidate${i}@exemple.ca`, subject, topic: i % 2 ? "qualification-process" : "online-systems", message }),
      receivedAt,
    });
    made += 1;
    if (i % 4 === 0) await reply(inquiry.number, "answer", later(3));
    else if (i % 4 === 1 && i < days.length - 6) {
      // A promise five business days ahead (a business day by construction).
      const promised = engine.addClockTime({ clock: "business-days", amount: 5, unit: "days", calendarId: "cad-candidates" }, at);
      await reply(inquiry.number, "delay_notice", later(2), engine.localDate("cad-candidates", promised));
      if (i % 8 === 1) await reply(inquiry.number, "answer", later(4 * 24));
    }
    // Every other day, an MO request, answered within 48 business hours or not.
    if (i % 2 === 0) {
      const [moSubject, description] = MO_SUBJECTS[(i / 2) % MO_SUBJECTS.length]!;
      const opened = await createMoRequest({
        user: mo,
        input: { function: i % 4 ? "reports" : "postings", nature: "how-to", subject: moSubject, description, urgent: i % 6 === 0, contactPhone: null },
        receivedAt: new Date(at + HOUR),
      });
      made += 1;
      if (i < days.length - 3) await reply(opened.number, "answer", later(i % 3 ? 20 : 70));
    }
    // A SAGIR request each day, taken in charge the same day or the next one (late), or waiting.
    const sagir = await createSagirRequest({
      user: sagirUser,
      input: ZSagirRequestInput.parse({ ...SAGIR_SAMPLES[SAGIR_TYPES[i % SAGIR_TYPES.length]!], urgent: "", contactPhone: "" }),
      receivedAt: new Date(at + 2 * HOUR),
    });
    made += 1;
    if (i < days.length - 2) await takeInCharge({ user: sagirAgent, number: sagir.number, expectedVersion: await version(sagir.number), now: later(i % 5 === 0 ? 30 : 4) });
    // Calls: candidates answered in 2 to 7 minutes, SAGIR users in 5 to 20; a voicemail on Mondays.
    await logCall({
      user: agent,
      serviceId: "ca-dotation",
      now: later(1),
      input: ZCallInput.parse({ urgent: "", audienceId: "candidate", channel: "phone", receivedAt: local(at + 30 * 60_000), answeredAt: local(at + (32 + (i % 6)) * 60_000), outcome: "settled" }),
    });
    await logCall({
      user: sagirAgent,
      serviceId: "sagir",
      now: later(1),
      input: ZCallInput.parse({ urgent: "", audienceId: "sagir-user", channel: "phone", receivedAt: local(at + 40 * 60_000), answeredAt: local(at + (45 + 3 * (i % 6)) * 60_000), outcome: "settled" }),
    });
    if (new Date(at).getUTCDay() === 1) {
      const voicemail = await logCall({
        user: sagirAgent,
        serviceId: "sagir",
        now: later(1),
        input: ZCallInput.parse({ urgent: "", audienceId: "sagir-user", channel: "voicemail", receivedAt: local(at - 13 * HOUR), type: "access", subject: "Message vocal : accès", summary: "Message laissé la veille au soir au sujet d'un accès à SAGIR." }),
      });
      if (voicemail.number) made += 1;
    }
    made += await playDemoCalls(db, zone.wallToUtc(zone.dayOf(at), 8 * 60 + 30), i);
  }
  return made;
}

/**
 * A day's calls from the telephone system on both lines with an answer target, drawn by the call
 * simulator (five a line, from 8:30) and received as its events would be — so the wallboard and the
 * dashboards' phone figures have the system's own measures. Their agents settled the calls they
 * answered (no old call waits on a screen pop). Returns the requests their voicemails opened.
 */
async function playDemoCalls(db: Db, dayStart: number, day: number): Promise<number> {
  let opened = 0;
  for (const [line, agent, meanWaitMs] of [
    ["cad-candidates", "agent.dotation@cspq.exemple.qc.ca", 2.5 * 60_000],
    ["sagir", "agent.sagir@cspq.exemple.qc.ca", 6 * 60_000],
  ] as const) {
    const events = simulateCallDay({ seed: 1000 * day + line.length, calls: 5, meanGapMs: 70 * 60_000, meanWaitMs, meanPatienceMs: 2 * meanWaitMs, voicemailShare: 0.1, agents: [agent], idPrefix: `demo-${line}-${day}` });
    for (const { offsetMs, event, ...rest } of events) {
      const at = new Date(dayStart + offsetMs);
      const received = await receiveCallEvent({ input: { ...rest, event, line, at }, now: at });
      if (received.request) opened += 1;
    }
    await db.phoneCall.updateMany({ where: { externalId: { startsWith: `demo-${line}-${day}-` }, callStatus: "answered" }, data: { outcome: "settled" } });
  }
  return opened;
}
