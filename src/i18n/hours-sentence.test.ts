import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOGUE } from "@/domain/catalogue/default-catalogue";
import type { OpenInterval } from "@/domain/catalogue/types";
import { weekHoursSentence } from "./hours-sentence";

const calendar = (id: string) => DEFAULT_CATALOGUE.calendars.find((c) => c.id === id)!.week;
const hm = (h: number, m = 0) => h * 60 + m;
const iv = (...pairs: [number, number][]): OpenInterval[] => pairs.map(([start, end]) => ({ start, end }));

describe("weekHoursSentence", () => {
  it.each([
    ["cad-candidates", "fr", "du lundi au vendredi de 8 h 30 à 12 h et de 13 h à 16 h 30 (le mercredi : de 10 h à 12 h et de 13 h à 16 h 30)"],
    ["cad-candidates", "en", "Monday to Friday, 8:30 a.m. to noon and 1 p.m. to 4:30 p.m. (Wednesdays: 10 a.m. to noon and 1 p.m. to 4:30 p.m.)"],
    ["cad-mo", "fr", "du lundi au vendredi de 8 h 30 à 12 h et de 13 h à 16 h 30"],
    ["sagir", "fr", "du lundi au vendredi de 8 h 30 à 12 h et de 13 h à 16 h 30 (le mardi : de 8 h 30 à 12 h et de 14 h à 16 h 30)"],
    ["sagir", "en", "Monday to Friday, 8:30 a.m. to noon and 1 p.m. to 4:30 p.m. (Tuesdays: 8:30 a.m. to noon and 2 p.m. to 4:30 p.m.)"],
  ] as const)("the seeded calendar %s in %s", (id, locale, expected) => {
    expect(weekHoursSentence(calendar(id), locale)).toBe(expected);
  });

  it.each([
    // A closed Wednesday splits the rule: the days are named.
    [[[], iv([hm(9), hm(17)]), iv([hm(9), hm(17)]), [], iv([hm(9), hm(17)]), iv([hm(9), hm(17)]), []], "fr", "le lundi, le mardi, le jeudi et le vendredi de 9 h à 17 h"],
    [[[], iv([hm(9), hm(12)]), [], [], iv([hm(9), hm(12)]), [], []], "en", "Mondays and Thursdays, 9 a.m. to noon"],
    [[[], [], [], [], [], [], []], "fr", "aucune heure d'ouverture"],
    // An edited week: Friday afternoon closed, Saturday morning open.
    [[[], iv([hm(8), hm(16)]), iv([hm(8), hm(16)]), iv([hm(8), hm(16)]), iv([hm(8), hm(16)]), iv([hm(8), hm(12)]), iv([hm(9), hm(12)])], "fr", "du lundi au jeudi de 8 h à 16 h (le vendredi : de 8 h à 12 h; le samedi : de 9 h à 12 h)"],
  ] as const)("%j in %s", (week, locale, expected) => {
    expect(weekHoursSentence(week as unknown as OpenInterval[][], locale)).toBe(expected);
  });
});
