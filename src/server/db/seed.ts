import "server-only";
// The seed: the service catalogue of shared/spec, with holidays stored for the current year and
// the next two. Demo accounts and requests join here as the product grows.
import { getZone } from "@/domain/catalogue/zone";
import {
  AUDIENCE_LABELS,
  CHANNEL_LABELS,
  DEFAULT_CATALOGUE,
  DEFAULT_SERVICE_PROFILES,
  TIME_ZONE,
} from "@/domain/catalogue/default-catalogue";
import type { Db } from "@/server/db/client";
import { seedCatalogue } from "@/server/repositories/catalogue-repository";

export async function seedDatabase(db: Db, now: Date): Promise<{ yearsGenerated: number[] }> {
  const year = getZone(TIME_ZONE).yearOf(now.getTime());
  return seedCatalogue(db, {
    definition: DEFAULT_CATALOGUE,
    profiles: DEFAULT_SERVICE_PROFILES,
    audienceLabels: AUDIENCE_LABELS,
    channelLabels: CHANNEL_LABELS,
    holidayYears: [year, year + 1, year + 2],
  });
}
