import { z } from "zod";
import { ZInstant } from "@/schemas/instant";

const ZId = z.string({ error: "required" }).trim().min(1, { error: "required" }).max(100, { error: "text.invalid" });

/** GET /api/v1/catalogue/status, `catalogue status`. `at` defaults to now. */
export const ZCatalogueStatusQuery = z.object({
  service: ZId,
  audience: ZId,
  at: ZInstant.optional(),
});
export type TCatalogueStatusQuery = z.infer<typeof ZCatalogueStatusQuery>;

/** GET /api/v1/catalogue/due, `catalogue due`. `receivedAt` defaults to now. */
export const ZCatalogueDueQuery = z.object({
  service: ZId,
  audience: ZId,
  channel: ZId,
  receivedAt: ZInstant.optional(),
});
export type TCatalogueDueQuery = z.infer<typeof ZCatalogueDueQuery>;
