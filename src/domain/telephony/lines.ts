// The telephone lines whose calls the telephone system reports, each mapped to the service and
// audience it serves (its numbers are the audience's phone contacts in the catalogue). The answer
// target of a line's calls is that audience's elapsed-clock phone target: 5 minutes for
// CA-dotation's candidates, 15 minutes (the take in charge) for SAGIR.
export type PhoneLine = { id: string; serviceId: string; audienceId: string };

export const PHONE_LINES: readonly PhoneLine[] = [
  { id: "cad-candidates", serviceId: "ca-dotation", audienceId: "candidate" },
  { id: "cad-mo", serviceId: "ca-dotation", audienceId: "mo-specialist" },
  { id: "sagir", serviceId: "sagir", audienceId: "sagir-user" },
];

export function phoneLine(id: string): PhoneLine | null {
  return PHONE_LINES.find((l) => l.id === id) ?? null;
}
