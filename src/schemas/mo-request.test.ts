import { describe, expect, it } from "vitest";
import { ZMoRequestInput } from "./mo-request";

const valid = {
  function: "postings",
  nature: "malfunction",
  subject: "Affichage bloqué",
  description: "L'appel de candidatures ne s'affiche pas.",
  urgent: "on",
  contactPhone: "418 555-0123, poste 45",
};

describe("ZMoRequestInput (form, action and API)", () => {
  it.each(["418 555-0123", "418 555-0123, poste 45", "1 866 672-3460", "(418) 555-0123 ext. 2", "+1 418 555 0123", ""])(
    "accepts the phone %j",
    (contactPhone) => {
      expect(ZMoRequestInput.safeParse({ ...valid, contactPhone }).success).toBe(true);
    },
  );

  it.each(["abc", "555", "418-555-0123 poste", "appelez-moi"])("refuses the phone %j", (contactPhone) => {
    const result = ZMoRequestInput.safeParse({ ...valid, contactPhone });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("phone.invalid");
  });

  it.each([
    ["on", true],
    ["true", true],
    [true, true],
    [undefined, false],
    ["", false],
  ])("reads urgent=%j as %s", (urgent, expected) => {
    expect(ZMoRequestInput.parse({ ...valid, urgent }).urgent).toBe(expected);
  });

  it("an empty phone is null", () => {
    expect(ZMoRequestInput.parse({ ...valid, contactPhone: "" }).contactPhone).toBeNull();
  });
});
