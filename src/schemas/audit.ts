// The audit log's filters (page and CSV): who, what, from, to, and the page (`avant`: the last id seen).
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T12:00:00Z`)));

export const ZAuditQuery = z.object({
  actor: z.uuid().optional().catch(undefined),
  action: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  avant: z.string().regex(/^\d{1,18}$/).optional().catch(undefined),
});
export type AuditQuery = z.output<typeof ZAuditQuery>;
