import { describe, expect, it } from "vitest";
import { phoneText } from "./phone";

describe("phoneText", () => {
  it.each([
    ["418 528-0880, poste 3212", "en", "418 528-0880, ext. 3212"],
    ["418 528-0880, poste 3212", "fr", "418 528-0880, poste 3212"],
    ["418 528-0880 ext. 12", "fr", "418 528-0880, poste 12"],
    ["1 866 672-3460", "en", "1 866 672-3460"],
    ["1 866 672-3460", "fr", "1 866 672-3460"],
  ] as const)("%s in %s → %s", (value, locale, text) => {
    expect(phoneText(value, locale)).toBe(text);
  });
});
