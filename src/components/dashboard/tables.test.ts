import { describe, expect, it } from "vitest";
import { formatCell, toCsv, type DataTable } from "./tables";

const table: DataTable = {
  id: "at-risk",
  columns: [
    { key: "number", label: "Numéro", kind: "text" },
    { key: "day", label: "Jour", kind: "date" },
    { key: "wait", label: "Attente médiane", kind: "duration" },
    { key: "due", label: "Échéance", kind: "instant" },
    { key: "share", label: "Part", kind: "percent" },
  ],
  rows: [
    ["CAD-2026-000001", { text: "23 nov.", value: "2026-11-23" }, { text: "1 h 30 min", value: 90 }, { text: "le mardi 1er décembre 2026, fin de la journée (24 h)", value: "2026-12-02 00:00" }, 0.875],
    ["CAD-2026-000002", { text: "24 nov.", value: "2026-11-24" }, { text: "2,5 min", value: 2.5 }, null, null],
  ],
};

describe("the dashboard's CSV: what a spreadsheet computes with", () => {
  it("writes dates and instants in ISO, durations as minutes, under French headers that give the unit", () => {
    const lines = toCsv(table, "fr").slice(1).split("\r\n");
    expect(lines[0]).toBe('"Numéro";"Jour";"Attente médiane (min)";"Échéance";"Part (%)"');
    expect(lines[1]).toBe('"CAD-2026-000001";2026-11-23;90;2026-12-02 00:00;87,5');
    expect(lines[2]).toBe('"CAD-2026-000002";2026-11-24;2,5;;');
    expect(toCsv(table, "en").split("\r\n")[2]).toBe('"CAD-2026-000002",2026-11-24,2.5,,');
  });

  it("the page shows the words", () => {
    expect(formatCell(table.rows[0]![2]!, "duration", "fr")).toBe("1 h 30 min");
    expect(formatCell(table.rows[0]![3]!, "instant", "fr")).toMatch(/fin de la journée/);
    expect(formatCell(null, "instant", "fr")).toBe("—");
  });
});
