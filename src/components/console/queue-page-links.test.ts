import { describe, expect, it } from "vitest";
import { ZQueueQuery } from "@/schemas/console";
import { queuePageLinks } from "./queue-page-links";

const q = (params: Record<string, string>) => ZQueueQuery.parse(params);
const read = (link: string | null) => (link === null ? null : Object.fromEntries(new URLSearchParams(link)));

describe("queuePageLinks", () => {
  it("walks forward and back through three pages, keeping the filters", () => {
    const one = queuePageLinks(q({ status: "open", channel: "email" }), "c1");
    expect(one.first).toBeNull();
    expect(one.previous).toBeNull();
    expect(read(one.next)).toEqual({ status: "open", channel: "email", after: "c1", back: "0" });

    const two = queuePageLinks(q(read(one.next)!), "c2");
    expect(read(two.previous)).toEqual({ status: "open", channel: "email" });
    expect(two.first).toBeNull(); // the previous page is the start: one link, not two
    expect(read(two.next)).toEqual({ status: "open", channel: "email", after: "c2", back: "0.c1" });

    const three = queuePageLinks(q(read(two.next)!), null);
    expect(three.next).toBeNull();
    expect(read(three.previous)).toEqual({ status: "open", channel: "email", after: "c1", back: "0" });
    expect(read(three.first)).toEqual({ status: "open", channel: "email" });
  });

  it("a link to a page with no remembered way back offers the start only", () => {
    const links = queuePageLinks(q({ after: "c5" }), "c6");
    expect(links.previous).toBeNull();
    expect(read(links.first)).toEqual({});
  });

  it("keeps at most 20 pages back, the nearest ones", () => {
    const back = Array.from({ length: 20 }, (_, i) => `c${i}`).join(".");
    const next = read(queuePageLinks(q({ after: "c20", back }), "c21").next)!;
    expect(next.back!.split(".")).toHaveLength(20);
    expect(next.back!.split(".").at(-1)).toBe("c20");
    expect(next.back!.split(".")[0]).toBe("c1");
  });

  it("ignores a back list that is not cursors", () => {
    expect(q({ after: "c1", back: "<script>" }).back).toBeUndefined();
  });
});
