// A text's English version is whole or absent, by one rule for the guides' articles and the
// communiqués: half of it is refused at the field that is missing, with the same message.
import { describe, expect, it } from "vitest";
import { ZCommuniqueDraft } from "./communique";
import { ZGuideArticleInput } from "./guides";
import { localizeValidationMessage } from "./messages";

const guide = { audience: "ca-dotation/candidate", category: "Candidature", titleFr: "Postuler en ligne", bodyFr: "Le texte de l'article, assez long pour être accepté." };
const communique = { service: "sagir", titleFr: "Paie rétroactive", bodyFr: "Le texte du communiqué, assez long pour être accepté.", roles: ["sagir_user"] };

describe.each([
  ["a guide's article", ZGuideArticleInput, guide],
  ["a communiqué", ZCommuniqueDraft, communique],
] as const)("%s", (_, schema, base) => {
  it.each([
    ["a title without a text", { titleEn: "Apply online" }, "bodyEn"],
    ["a text without a title", { bodyEn: "The text of the English version, long enough." }, "titleEn"],
  ])("refuses %s at the missing field", (_, english, field) => {
    const result = schema.safeParse({ ...base, ...english });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    expect(issues).toEqual([{ path: field, message: "english.pair" }]);
    expect(localizeValidationMessage("english.pair").fr).toBe("La version anglaise a un titre et un texte, ou ni l'un ni l'autre.");
  });

  it("accepts both or neither", () => {
    expect(schema.safeParse(base).success).toBe(true);
    expect(schema.safeParse({ ...base, titleEn: "Apply online", bodyEn: "The text of the English version, long enough." }).success).toBe(true);
  });
});
