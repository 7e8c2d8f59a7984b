import "server-only";
// The seed: the service catalogue of shared/spec, with holidays stored for the current year and
// the next two, and the agents' canned replies. Demo accounts are in demo-data.ts.
import { getZone } from "@/domain/catalogue/zone";
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
  return result;
}
