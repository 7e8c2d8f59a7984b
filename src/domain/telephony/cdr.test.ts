import { describe, expect, it } from "vitest";
import { cdrEvents, cdrInstant, GENERIC_DEFAULT_NAMES, readCdr } from "./cdr";

const ZONE = "America/Toronto";
// Monday 23 November 2026 in Québec (EST, UTC−5).
const local = (hhmmss: string) => Date.parse(`2026-11-23T${hhmmss}-05:00`);

/** A Master.csv record: Asterisk's 18 fields, those that matter here given. */
function asterisk(f: { src?: string; dst?: string; channel?: string; dstchannel?: string; start: string; answer?: string; end?: string; disposition: string; uniqueid?: string }): string[] {
  return ["", f.src ?? "4185550142", f.dst ?? "4185287157", "from-trunk", `"Appelant" <${f.src ?? "4185550142"}>`, f.channel ?? "SIP/trunk-00000001", f.dstchannel ?? "", "Queue", "candidats", f.start, f.answer ?? "", f.end ?? "", "120", "60", f.disposition, "DOCUMENTATION", f.uniqueid ?? "", ""];
}

describe("CDR instants", () => {
  it.each([
    ["2026-11-23 10:15:30", local("10:15:30")],
    ["2026-11-23T10:15", local("10:15:00")],
    ["2026-11-23T15:15:30Z", Date.parse("2026-11-23T15:15:30Z")],
    ["2026-07-02 10:00:00", Date.parse("2026-07-02T10:00:00-04:00")],
    ["2026-11-23T10:15:30.250-05:00", Date.parse("2026-11-23T15:15:30.250Z")],
    ["", null],
    ["  ", null],
  ])("%j → %s", (text, expected) => {
    expect(cdrInstant(text, ZONE)).toBe(expected);
  });

  it.each(["23/11/2026 10:15", "2026-11-23", "demain", "2026-11-23 10:15:75", "2026-13-01 10:00"])("%j is not an instant", (text) => {
    expect(cdrInstant(text, ZONE)).toBeNaN();
  });
});

describe("Asterisk's Master.csv", () => {
  it("reads an answered call, a call nobody answered and a busy one; who answered is the channel without its suffix", () => {
    const { calls, problems } = readCdr(
      [
        asterisk({ start: "2026-11-23 10:00:00", answer: "2026-11-23 10:02:30", end: "2026-11-23 10:09:00", disposition: "ANSWERED", dstchannel: "SIP/2231-0000a1f3", uniqueid: "1795964400.17" }),
        asterisk({ start: "2026-11-23 10:05:00", end: "2026-11-23 10:06:10", disposition: "NO ANSWER", src: "5145550100" }),
        asterisk({ start: "2026-11-23 10:07:00", end: "2026-11-23 10:07:05", disposition: "BUSY" }),
      ],
      { layout: "asterisk" },
      ZONE,
    );
    expect(problems).toEqual([]);
    expect(calls[0]).toEqual({ callId: "ast-1795964400.17", caller: "4185550142", queuedAt: local("10:00:00"), answeredAt: local("10:02:30"), endedAt: local("10:09:00"), outcome: "answered", agent: "SIP/2231" });
    expect(calls[1]).toMatchObject({ caller: "5145550100", answeredAt: null, endedAt: local("10:06:10"), outcome: "abandoned" });
    expect(calls[2]).toMatchObject({ outcome: "abandoned" });
    // Without a uniqueid, the id is a digest of the record: the same record gives the same id.
    expect(calls[1]!.callId).toMatch(/^ast-[0-9a-f]{24}$/);
    expect(readCdr([asterisk({ start: "2026-11-23 10:05:00", end: "2026-11-23 10:06:10", disposition: "NO ANSWER", src: "5145550100" })], { layout: "asterisk" }, ZONE).calls[0]!.callId).toBe(calls[1]!.callId);
  });

  it("keeps only the line's number when asked, however the number is written", () => {
    const rows = [asterisk({ start: "2026-11-23 10:00:00", disposition: "NO ANSWER", end: "2026-11-23 10:01:00" }), asterisk({ start: "2026-11-23 10:00:00", disposition: "NO ANSWER", end: "2026-11-23 10:01:00", dst: "200", uniqueid: "x.1" })];
    const reading = readCdr(rows, { layout: "asterisk", dialed: "418 528-7157" }, ZONE);
    expect(reading.calls).toHaveLength(1);
    expect(reading.otherNumbers).toBe(1);
  });

  it("says which rows it could not read, and why, numbered as the file's lines", () => {
    const { calls, problems } = readCdr(
      [
        ["too", "short"],
        asterisk({ start: "hier", disposition: "ANSWERED" }),
        asterisk({ start: "2026-11-23 10:00:00", answer: "2026-11-23 09:59:00", end: "2026-11-23 10:05:00", disposition: "ANSWERED", uniqueid: "back.1" }),
        asterisk({ start: "2026-11-23 10:00:00", answer: "2026-11-23 10:01:00", end: "2026-11-23 10:05:00", disposition: "ANSWERED", uniqueid: "ok.1" }),
      ],
      { layout: "asterisk" },
      ZONE,
    );
    expect(calls.map((c) => c.callId)).toEqual(["ast-ok.1"]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([[1, "row"], [2, "start"], [3, "row"]]);
    expect(problems[0]!.fr).toContain("16");
  });
});

describe("the generic layout", () => {
  const header = ["call_id", "caller", "queued_at", "answered_at", "ended_at", "agent", "outcome"];

  it("reads the documented columns, in any order and case; the outcome follows the answer when not given", () => {
    const { calls, problems } = readCdr(
      [
        ["Queued_At", "CALL_ID", "answered_at", "ended_at", "agent", "caller"],
        ["2026-11-23T15:00:00Z", "c-1", "2026-11-23T15:03:00Z", "2026-11-23T15:10:00Z", "agent.dotation@cspq.exemple.qc.ca", "418 555-0101"],
        ["2026-11-23 10:20:00", "c-2", "", "2026-11-23 10:21:00", "", ""],
      ],
      { layout: "generic", columns: GENERIC_DEFAULT_NAMES },
      ZONE,
    );
    expect(problems).toEqual([]);
    expect(calls).toEqual([
      { callId: "c-1", caller: "418 555-0101", queuedAt: Date.parse("2026-11-23T15:00:00Z"), answeredAt: Date.parse("2026-11-23T15:03:00Z"), endedAt: Date.parse("2026-11-23T15:10:00Z"), outcome: "answered", agent: "agent.dotation@cspq.exemple.qc.ca" },
      { callId: "c-2", caller: null, queuedAt: local("10:20:00"), answeredAt: null, endedAt: local("10:21:00"), outcome: "abandoned", agent: null },
    ]);
  });

  it("maps the file's own column names", () => {
    const columns = { ...GENERIC_DEFAULT_NAMES, callId: "Identifiant", queuedAt: "Entrée", answeredAt: "Réponse" };
    const { calls } = readCdr([["Identifiant", "Entrée", "Réponse"], ["a1", "2026-11-23 10:00", "2026-11-23 10:01"]], { layout: "generic", columns }, ZONE);
    expect(calls).toMatchObject([{ callId: "a1", outcome: "answered", answeredAt: local("10:01:00") }]);
  });

  it("refuses a file without the required columns, and rows that are not calls", () => {
    expect(readCdr([["id", "when"], ["1", "x"]], { layout: "generic", columns: GENERIC_DEFAULT_NAMES }, ZONE).problems).toMatchObject([{ row: 1, field: "callId" }]);
    const { calls, problems } = readCdr(
      [
        header,
        ["", "", "2026-11-23 10:00", "", "", "", ""],
        ["c 3", "", "2026-11-23 10:00", "", "", "", ""],
        ["c-4", "", "", "", "", "", ""],
        ["c-5", "", "2026-11-23 10:00", "", "", "", "transferred"],
        ["c-6", "", "2026-11-23 10:00", "", "", "", "answered"],
        ["c-7", "appelez-moi", "2026-11-23 10:00", "", "", "", ""],
        ["c-8", "", "2026-11-23 10:00", "2026-11-23 10:05", "2026-11-23 10:04", "", ""],
        ["c-9", "", "2026-11-23 10:00", "", "2026-11-23 10:02", "", "voicemail"],
      ],
      { layout: "generic", columns: GENERIC_DEFAULT_NAMES },
      ZONE,
    );
    expect(problems.map((p) => [p.row, p.field])).toEqual([[2, "callId"], [3, "callId"], [4, "queuedAt"], [5, "outcome"], [6, "answeredAt"], [7, "caller"], [8, "row"]]);
    expect(calls).toMatchObject([{ callId: "c-9", outcome: "voicemail" }]);
  });
});

describe("a record's events", () => {
  it.each([
    [{ outcome: "answered", answeredAt: 100, endedAt: 500 }, [["queued", 0], ["answered", 100], ["ended", 500]]],
    [{ outcome: "answered", answeredAt: 100, endedAt: null }, [["queued", 0], ["answered", 100]]],
    [{ outcome: "abandoned", answeredAt: null, endedAt: 40 }, [["queued", 0], ["abandoned", 40]]],
    [{ outcome: "voicemail", answeredAt: null, endedAt: 90 }, [["queued", 0], ["voicemail", 90]]],
    [{ outcome: "abandoned", answeredAt: null, endedAt: null }, [["queued", 0], ["abandoned", 0]]],
  ] as const)("%j", (call, expected) => {
    expect(cdrEvents({ callId: "c", caller: null, queuedAt: 0, agent: "a", ...call }).map((e) => [e.kind, e.at])).toEqual(expected);
  });
});
