import "server-only";
// The seed: the service catalogue of shared/spec, with holidays stored for the current year and
// the next two, and the agents' canned replies. Demo accounts are in demo-data.ts.
import { fiscalYearOf, monthOf } from "@/domain/billing/billing";
import { getZone, isoDateFromDayNumber } from "@/domain/catalogue/zone";
import { DEFAULT_PHONE_LINES } from "@/domain/telephony/lines";
import {
  AUDIENCE_LABELS,
  CHANNEL_LABELS,
  DEFAULT_CATALOGUE,
  DEFAULT_SERVICE_PROFILES,
  TIME_ZONE,
} from "@/domain/catalogue/default-catalogue";
import type { Db } from "@/server/db/client";
import { CANNED_REPLIES } from "@/domain/requests/canned-replies";
import { seedCatalogue } from "@/server/repositories/catalogue-repository";
import { seedCannedReplies } from "@/server/repositories/console-repository";

export async function seedDatabase(db: Db, now: Date): Promise<{ yearsGenerated: number[] }> {
  const year = getZone(TIME_ZONE).yearOf(now.getTime());
  const result = await seedCatalogue(db, {
    definition: DEFAULT_CATALOGUE,
    profiles: DEFAULT_SERVICE_PROFILES,
    audienceLabels: AUDIENCE_LABELS,
    channelLabels: CHANNEL_LABELS,
    holidayYears: [year, year + 1, year + 2],
  });
  await seedCannedReplies(db, CANNED_REPLIES);
  await seedMailboxes(db);
  // The SAGIR grid's rate (« Centre d'assistance SAGIR — 195 $/employé »), from the fiscal year the
  // first start falls in; changed by its managers afterwards (a new rate from its date).
  if ((await db.tariffRate.count({ where: { serviceId: "sagir" } })) === 0) {
    const fiscalYear = fiscalYearOf(monthOf(year, Number(isoDateFromDayNumber(getZone(TIME_ZONE).dayOf(now.getTime())).slice(5, 7))));
    await db.tariffRate.create({ data: { serviceId: "sagir", from: new Date(`${fiscalYear}-04-01T00:00:00Z`), centsPerEmployee: 19_500, createdAt: now } });
  }
  // The lines of a new catalogue only: a line a manager removed is not brought back at the next start.
  if ((await db.phoneLine.count()) === 0) await db.phoneLine.createMany({ data: DEFAULT_PHONE_LINES.map((l) => ({ ...l, numbers: [...l.numbers] })), skipDuplicates: true });
  return result;
}

/**
 * The centres' mailboxes, from the e-mail addresses their public pages give (the first audience
 * naming an address owns it: carrieres@ is the candidates'; an MO specialist's verified mail is
 * filed under their own audience). The SAGIR centre serves accounts only: unknown senders wait to
 * be identified. Existing mailboxes are left as edited.
 */
async function seedMailboxes(db: Db): Promise<void> {
  const rows = new Map<string, { address: string; serviceId: string; audienceId: string; identifySenders: boolean }>();
  for (const profile of DEFAULT_SERVICE_PROFILES) {
    for (const audience of profile.audiences) {
      for (const contact of audience.contacts) {
        const address = contact.kind === "email" ? contact.value?.trim().toLowerCase() : undefined;
        if (address && !rows.has(address)) rows.set(address, { address, serviceId: profile.serviceId, audienceId: audience.audienceId, identifySenders: profile.serviceId === "sagir" });
      }
    }
  }
  await db.mailbox.createMany({ data: [...rows.values()], skipDuplicates: true });
}
