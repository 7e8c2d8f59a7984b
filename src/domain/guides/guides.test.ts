import { describe, expect, it } from "vitest";
import { canReadAudience, citedSlugs, guidePlainText, readableAudiences, renderGuideMarkdown, slugOf, splitHighlight, withoutPersonalInformation } from "./guides";

describe("slugOf", () => {
  it.each([
    ["Mot de passe oublié", "mot-de-passe-oublie"],
    ["Délai d'affichage des offres", "delai-d-affichage-des-offres"],
    ["  Œuvres : « accès » SAGIR ! ", "oeuvres-acces-sagir"],
    ["???", "article"],
    ["a".repeat(100), "a".repeat(80)],
  ])("%s → %s", (title, slug) => expect(slugOf(title)).toBe(slug));

  it("gives an address of lower-case letters, digits and single hyphens, whatever the title", () => {
    for (const title of ["É-t-é   2026", "--x--", "Ça va ? Oui.", "日本語", "L'accès\tau\nportail"]) expect(slugOf(title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("readableAudiences", () => {
  const keys = (reader: Parameters<typeof readableAudiences>[0]) => readableAudiences(reader).map((a) => `${a.serviceId}/${a.audienceId}`);
  it.each([
    [null, ["ca-dotation/candidate"]],
    [{ role: "mo_specialist", services: ["ca-dotation"] }, ["ca-dotation/candidate", "ca-dotation/mo-specialist"]],
    [{ role: "sagir_user", services: ["sagir"] }, ["ca-dotation/candidate", "sagir/sagir-user"]],
    [{ role: "mo_pilot", services: [] }, ["ca-dotation/candidate", "ca-dotation/mo-specialist", "sagir/sagir-user"]],
    [{ role: "agent", services: ["sagir"] }, ["ca-dotation/candidate", "sagir/sagir-user"]],
    [{ role: "manager", services: ["ca-dotation"] }, ["ca-dotation/candidate", "ca-dotation/mo-specialist"]],
    [{ role: "admin", services: [] }, ["ca-dotation/candidate", "ca-dotation/mo-specialist", "sagir/sagir-user"]],
  ])("%j reads %j", (reader, expected) => expect(keys(reader)).toEqual(expected));

  it("never lets anyone read an audience no centre writes for", () => {
    expect(canReadAudience({ role: "admin", services: [] }, { serviceId: "sagir", audienceId: "candidate" })).toBe(false);
  });
});

describe("renderGuideMarkdown", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ['<img src="x" onerror="alert(1)">', "&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;"],
    ["[clic](javascript:alert(1))", "[clic](javascript:alert(1))"],
    ["[clic](data:text/html;base64,PHNjcmlwdD4=)", "[clic](data:text/html;base64,PHNjcmlwdD4=)"],
    ["![logo](https://pisteur.exemple/x.png)", "!<a href=\"https://pisteur.exemple/x.png\""],
  ])("escapes or refuses %s", (source, fragment) => {
    const html = renderGuideMarkdown(source);
    expect(html).toContain(fragment);
    expect(html).not.toMatch(/<script|<img|href="(javascript|data):/i);
  });

  it("starts the author's headings at h2 and sends outside links without referrer", () => {
    expect(renderGuideMarkdown("# Titre\n\n### Sous-titre")).toBe("<h2>Titre</h2>\n<h4>Sous-titre</h4>\n");
    expect(renderGuideMarkdown("## Étapes\n\n### Détail")).toBe("<h2>Étapes</h2>\n<h3>Détail</h3>\n");
    expect(renderGuideMarkdown("[Québec](https://www.quebec.ca)")).toContain('<a href="https://www.quebec.ca" rel="noopener noreferrer nofollow">Québec</a>');
    expect(renderGuideMarkdown("[Guides](/guides)")).toBe('<p><a href="/guides">Guides</a></p>\n');
  });

  it("renders no tag an author typed, whatever the text (property)", () => {
    const pieces = ["<", ">", "script", "<b>", "</p>", "**", "[a](", ")", "javascript:", "\n", "# ", "<iframe ", "`", "&lt;", '"', "on", "error="];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i += 1) {
      const source = Array.from({ length: 1 + (next() % 12) }, () => pieces[next() % pieces.length]).join("");
      const tags = [...renderGuideMarkdown(source).matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]);
      for (const tag of tags) expect(["p", "h2", "h3", "h4", "h5", "h6", "a", "strong", "em", "code", "pre", "br", "ul", "ol", "li", "blockquote", "hr"]).toContain(tag);
    }
  });
});

describe("excerpts, citations and plain text", () => {
  it("cuts a highlighted excerpt into plain and matched parts", () => {
    expect(splitHighlight("Votre \u0002mot\u0003 de \u0002passe\u0003 oublié")).toEqual([
      { text: "Votre ", match: false },
      { text: "mot", match: true },
      { text: " de ", match: false },
      { text: "passe", match: true },
      { text: " oublié", match: false },
    ]);
    expect(splitHighlight("sans mise en évidence")).toEqual([{ text: "sans mise en évidence", match: false }]);
  });

  it("finds the articles a reply cites by address, once each", () => {
    expect(citedSlugs("Voyez https://guichet.exemple/guides/mot-de-passe-oublie et /en/guides/mot-de-passe-oublie, puis /guides/acces-sagir.")).toEqual(["mot-de-passe-oublie", "acces-sagir"]);
    expect(citedSlugs("Aucun guide ici : /services/ca-dotation")).toEqual([]);
  });

  it("gives an article's text without its marks", () => {
    expect(guidePlainText("## Étapes\n\n1. Ouvrez **Mon dossier**\n- voyez [le guide](https://x.exemple)")).toBe("Étapes Ouvrez Mon dossier voyez le guide");
  });
});

describe("withoutPersonalInformation", () => {
  it.each([
    ["Écrivez à marie.dupont@exemple.ca.", "Écrivez à […]."],
    ["Appelez le 418 555-1234 poste 22.", "Appelez le […]."],
    ["Appelez le (514) 555.1234 ou le 1-800-555-1234.", "Appelez le […] ou le […]."],
    ["Votre demande CAD-2026-000123 est traitée.", "Votre demande […] est traitée."],
    ["NAS 123 456 789, dossier 4589123.", "NAS […], dossier […]."],
    ["Code postal G1R 4S9.", "Code postal […]."],
    ["Ouvrez le portail le 3 décembre 2026 à 10 h.", "Ouvrez le portail le 3 décembre 2026 à 10 h."],
  ])("%s → %s", (text, expected) => expect(withoutPersonalInformation(text)).toBe(expected));

  it("removes the names the request knows, and a greeting keeps its word only", () => {
    expect(withoutPersonalInformation("Bonjour Mme Geneviève Tremblay,\n\nMadame Tremblay, votre dossier est à jour.\n\nJulie Agent\nCentre d'assistance", ["Geneviève Tremblay", "Julie Agent"])).toBe(
      "Bonjour,\n\nMadame, votre dossier est à jour.\n\nCentre d'assistance",
    );
  });
});
