import { describe, expect, it } from "vitest";
import { CANNED_REPLIES, fillCannedReply } from "./canned-replies";

describe("fillCannedReply", () => {
  it.each([
    ["Votre demande ({numero}).", {}, "Votre demande (CAD-2026-000042)."],
    ["au plus tard le {date}", { promisedDate: "16 décembre 2026" }, "au plus tard le 16 décembre 2026"],
    ["au plus tard le {date}", {}, "au plus tard le {date}"],
    ["au {telephones}, {heures}.", { phones: "418 528-7157 ou au 1 866 672-3460", hours: "du lundi au vendredi de 8 h 30 à 16 h 30" }, "au 418 528-7157 ou au 1 866 672-3460, du lundi au vendredi de 8 h 30 à 16 h 30."],
    ["{heures} {heures}", { hours: "h" }, "h h"],
    ["{autre}", { hours: "h" }, "{autre}"],
  ])("%j with %j → %j", (body, values, expected) => {
    expect(fillCannedReply(body, { number: "CAD-2026-000042", ...values })).toBe(expected);
  });
});

describe("the seeded canned replies", () => {
  it("hold no phone number and no hour as text: those come from the catalogue ({telephones}, {heures})", () => {
    for (const reply of CANNED_REPLIES) {
      for (const body of [reply.body.fr, reply.body.en]) {
        expect(body, reply.id).not.toMatch(/\d{3} \d{3}-\d{4}|\b\d{1,2} h( \d{2})?\b|\b\d{1,2}(:\d{2})? [ap]\.m\./);
      }
    }
  });
});
