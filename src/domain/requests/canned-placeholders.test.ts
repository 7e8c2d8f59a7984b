import { describe, expect, it } from "vitest";
import { CANNED_REPLIES, unknownPlaceholders } from "./canned-replies";

describe("unknownPlaceholders", () => {
  it.each([
    ["Votre requête {numero} : appelez au {telephones}, {heures}.", "answer", []],
    ["Réponse au plus tard le {date}.", "delay_notice", []],
    ["Réponse au plus tard le {date}.", "answer", ["{date}"]],
    ["Bonjour {nom}, {numero} {nom}", "redirection", ["{nom}"]],
    ["{Numero} n'est pas {numero}", "answer", ["{Numero}"]],
    ["Des accolades { ouvertes } et {} vides ne sont pas des espaces réservés.", "answer", []],
    ["", "answer", []],
  ] as const)("%s (%s)", (text, kind, expected) => {
    expect(unknownPlaceholders(text, kind)).toEqual(expected);
  });

  it("finds none in the seeded replies", () => {
    for (const reply of CANNED_REPLIES) for (const text of [reply.body.fr, reply.body.en]) expect(unknownPlaceholders(text, reply.kind)).toEqual([]);
  });
});
