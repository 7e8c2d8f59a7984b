// The telephone lines whose calls the telephone system reports, each mapped in the catalogue
// (phone_line, edited in /gestion/catalogue) to the service and audience it serves, with the
// numbers callers dial. The answer target of a line's calls is that audience's elapsed-clock phone
// target: 5 minutes for CA-dotation's candidates, 15 minutes (the take in charge) for SAGIR.
import type { CatalogueEngine } from "../catalogue/engine";

export type PhoneLine = { id: string; serviceId: string; audienceId: string; numbers: readonly string[] };

/** A line's id as the telephone system sends it (`line`): lower-case letters, digits, hyphens. */
export const LINE_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** The centres' lines in a new catalogue (and without a database): the seeds' numbers. */
export const DEFAULT_PHONE_LINES: readonly PhoneLine[] = [
  { id: "cad-candidates", serviceId: "ca-dotation", audienceId: "candidate", numbers: ["418 528-7157", "1 866 672-3460"] },
  { id: "cad-mo", serviceId: "ca-dotation", audienceId: "mo-specialist", numbers: [] },
  { id: "sagir", serviceId: "sagir", audienceId: "sagir-user", numbers: [] },
];

/**
 * A line's answer target: its audience's elapsed-clock phone target (5 minutes for CA-dotation's
 * candidates, 15 for SAGIR), as the target's id and its length; null when the audience has none.
 * An elapsed clock's length does not depend on when the call came.
 */
export function lineAnswerTarget(engine: CatalogueEngine, line: Pick<PhoneLine, "serviceId" | "audienceId">, at: number): { id: string; ms: number } | null {
  const due = engine.dueTargets(line.serviceId, line.audienceId, "phone", at).find((d) => d.target.clock === "elapsed");
  return due ? { id: due.target.id, ms: due.dueAt - at } : null;
}
