import "server-only";
// The catalogue in force: from the database when one is configured, from the seed definition
// otherwise (CLI on a bare machine). The engine is rebuilt only when the catalogue changed.
import { createCatalogueEngine, type CatalogueEngine } from "@/domain/catalogue/engine";
import {
  AUDIENCE_LABELS,
  CHANNEL_LABELS,
  DEFAULT_CATALOGUE,
  DEFAULT_SERVICE_PROFILES,
} from "@/domain/catalogue/default-catalogue";
import { getDb } from "@/server/db/client";
import { hasDatabase } from "@/server/env";
import { loadCatalogue, type CatalogueData } from "@/server/repositories/catalogue-repository";

export type Catalogue = CatalogueData & { engine: CatalogueEngine };

let cached: { key: string; catalogue: Catalogue } | null = null;

export function defaultCatalogueData(): CatalogueData {
  return {
    definition: DEFAULT_CATALOGUE,
    profiles: [...DEFAULT_SERVICE_PROFILES],
    audienceLabels: AUDIENCE_LABELS,
    channelLabels: CHANNEL_LABELS,
  };
}

export async function getCatalogue(): Promise<Catalogue> {
  const data = hasDatabase() ? await loadCatalogue(getDb()) : defaultCatalogueData();
  const key = JSON.stringify(data.definition);
  if (cached?.key !== key) cached = { key, catalogue: { ...data, engine: createCatalogueEngine(data.definition) } };
  else cached.catalogue = { ...data, engine: cached.catalogue.engine };
  return cached.catalogue;
}
