import { describe, expect, it } from "vitest";
import { messageText } from "./system-messages";

describe("messageText", () => {
  it.each([
    ["fr", "Votre requête CAD-2026-000007 a été prise en charge par Marie Tremblay."],
    ["en", "Your request CAD-2026-000007 has been taken in charge by Marie Tremblay."],
  ] as const)("renders a taken-in-charge message in %s", (locale, expected) => {
    expect(messageText({ body: "", systemKind: "taken_in_charge", authorName: "Marie Tremblay" }, "CAD-2026-000007", locale)).toBe(expected);
  });

  it("gives any other message as written, whatever the reader's language", () => {
    expect(messageText({ body: "Bonjour, voici la réponse.", systemKind: null, authorName: "Marie" }, "CAD-2026-000007", "en")).toBe("Bonjour, voici la réponse.");
    expect(messageText({ body: "Texte", systemKind: "unknown-kind", authorName: null }, "X", "fr")).toBe("Texte");
  });
});
