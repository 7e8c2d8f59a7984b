import "server-only";
// The catalogue in force: from the database when one is configured, from the seed definition
// otherwise (CLI on a bare machine).
//
// Cached per process: concurrent callers share one load (single flight), and a loaded catalogue
// serves for CACHE_TTL_MS, then while its next copy loads, so an edit is seen by other instances
// within the TTL and a reload; the instance that made it (forgetCatalogue) sees it at once. The
// engine (its tables) is rebuilt only when the catalogue's content actually changed.
import { createCatalogueEngine, type CatalogueEngine } from "@/domain/catalogue/engine";
import type { CannedReplyValues } from "@/domain/requests/canned-replies";
import { weekHoursSentence } from "@/i18n/hours-sentence";
import { phoneText } from "@/i18n/phone";
import {
  AUDIENCE_LABELS,
  CHANNEL_LABELS,
  DEFAULT_CATALOGUE,
  DEFAULT_SERVICE_PROFILES,
} from "@/domain/catalogue/default-catalogue";
import { DEFAULT_PHONE_LINES } from "@/domain/telephony/lines";
import { getCatalogueDb } from "@/server/db/client";
import { hasDatabase } from "@/server/env";
import { forgetPublicPages } from "@/server/http/page-cache";
import { loadCatalogue, type CatalogueData } from "@/server/repositories/catalogue-repository";

export type Catalogue = CatalogueData & { engine: CatalogueEngine };

const CACHE_TTL_MS = 5_000;

let current: { key: string; catalogue: Catalogue; loadedAt: number; generation: number } | null = null;
let inFlight: Promise<Catalogue> | null = null;

// This module is loaded twice in one process: by Next.js's bundles and by the front door's own
// routes (scripts/server.ts). An edit, made through Next, is seen by both at once: forgetCatalogue
// counts a generation on globalThis, and a copy loaded before it is not used.
const GENERATION = Symbol.for("guichet.catalogue-generation");
const generationHolder = globalThis as { [GENERATION]?: number };
const generation = (): number => generationHolder[GENERATION] ?? 0;

export function defaultCatalogueData(): CatalogueData {
  return {
    definition: DEFAULT_CATALOGUE,
    profiles: [...DEFAULT_SERVICE_PROFILES],
    audienceLabels: AUDIENCE_LABELS,
    channelLabels: CHANNEL_LABELS,
    lines: DEFAULT_PHONE_LINES.map((l) => ({ ...l, numbers: [...l.numbers] })),
  };
}

async function load(): Promise<Catalogue> {
  const loadedGeneration = generation();
  const data = hasDatabase() ? await loadCatalogue(getCatalogueDb()) : defaultCatalogueData();
  const key = JSON.stringify(data.definition);
  const engine = current?.key === key ? current.catalogue.engine : createCatalogueEngine(data.definition);
  const catalogue = { ...data, engine };
  current = { key, catalogue, loadedAt: performance.now(), generation: loadedGeneration };
  return catalogue;
}

/**
 * After an edit: this instance reads the catalogue again at its next use, and renders its public
 * pages again (other instances within CACHE_TTL_MS, and their pages at the next minute).
 */
export function forgetCatalogue(): void {
  generationHolder[GENERATION] = generation() + 1;
  current = null;
  forgetPublicPages();
}

export async function getCatalogue(): Promise<Catalogue> {
  const unedited = current?.generation === generation() ? current : null;
  if (unedited && performance.now() - unedited.loadedAt < CACHE_TTL_MS) return unedited.catalogue;
  inFlight ??= load().finally(() => {
    inFlight = null;
  });
  if (unedited) {
    // Older than the TTL but not edited since: served while the new copy loads. Under load, a
    // reload's round trips wait behind every request's work, and every caller used to wait for it
    // (bench:http: catalogue status answers timed out at 200 connections). A failed reload is
    // tried again at the next use.
    inFlight.catch(() => {});
    return unedited.catalogue;
  }
  return inFlight;
}

/** The phone numbers an audience of a service is given (the catalogue's contacts), in their order. */
export function audiencePhones(catalogue: CatalogueData, serviceId: string, audienceId: string): string[] {
  const audience = catalogue.profiles.find((p) => p.serviceId === serviceId)?.audiences.find((a) => a.audienceId === audienceId);
  return (audience?.contacts ?? []).filter((c) => c.kind === "phone" && c.value).map((c) => c.value!);
}

/**
 * The values of a canned reply's placeholders for a request of this service and audience, in
 * each language: its number, the audience's phone numbers and the hours of its calendar in force.
 */
export function cannedValuesFor(catalogue: Catalogue, serviceId: string, audienceId: string, number: string): Record<"fr" | "en", CannedReplyValues> {
  const calendar = catalogue.engine.calendarFor(serviceId, audienceId);
  const phones = audiencePhones(catalogue, serviceId, audienceId);
  return {
    fr: { number, phones: phones.join(" ou au "), hours: weekHoursSentence(calendar.week, "fr") },
    en: { number, phones: phones.map((p) => phoneText(p, "en")).join(" or "), hours: weekHoursSentence(calendar.week, "en") },
  };
}
