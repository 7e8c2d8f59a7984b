import { expect, test, expectAccessible, expectNoHorizontalScroll, setNow } from "./support";

type Case = {
  path: string;
  at: string;
  fr: { h1: string; status: string; writeNow: RegExp; exceptionDay?: string; exceptionHours?: string };
  en: { status: string; writeNow: RegExp; holiday: string };
  contact: string;
  /** The first coming holiday after the instant, and its name. */
  holiday: [string, string];
};

const CASES: Case[] = [
  {
    path: "/services/ca-dotation/candidate",
    at: "2026-06-23T15:00:00-04:00",
    fr: {
      h1: "Centre d'assistance en dotation",
      status: "Ouvert — ferme aujourd'hui à 16 h 30",
      writeNow: /Si vous nous écrivez maintenant, vous recevrez une réponse, ou l'information sur le délai nécessaire pour y répondre, au plus tard le jeudi 9 juillet 2026 à 16 h 30\./,
      exceptionDay: "Mercredi",
      exceptionHours: "de 10 h à 12 h et de 13 h à 16 h 30",
    },
    en: { status: "Open — closes today at 4:30 p.m.", writeNow: /by Thursday, July 9, 2026 at 4:30 p\.m\. at the latest/, holiday: "Fête nationale (Québec)" },
    contact: "418 528-7157",
    holiday: ["mercredi 24 juin 2026", "Fête nationale du Québec"],
  },
  {
    path: "/services/ca-dotation/mo-specialist",
    at: "2026-06-23T15:00:00-04:00",
    fr: {
      h1: "Centre d'assistance en dotation",
      status: "Ouvert — ferme aujourd'hui à 16 h 30",
      writeNow: /vous recevrez une première réponse au plus tard le vendredi 26 juin 2026 à 15 h\./,
    },
    en: { status: "Open — closes today at 4:30 p.m.", writeNow: /first reply by Friday, June 26, 2026 at 3 p\.m\./, holiday: "Canada Day" },
    contact: "Formulaire de requête dotation",
    holiday: ["mercredi 1er juillet 2026", "Fête du Canada"],
  },
  {
    path: "/services/sagir/sagir-user",
    at: "2026-11-24T13:30:00-05:00",
    fr: {
      h1: "Centre d'assistance SAGIR",
      status: "Fermé — ouvre aujourd'hui à 14 h",
      writeNow: /votre demande sera prise en charge au plus tard le mercredi 25 novembre 2026 à 13 h 30\./,
      exceptionDay: "Mardi",
      exceptionHours: "de 8 h 30 à 12 h et de 14 h à 16 h 30",
    },
    en: { status: "Closed — opens today at 2 p.m.", writeNow: /taken in charge by Wednesday, November 25, 2026 at 1:30 p\.m\./, holiday: "Boxing Day (observed)" },
    contact: "dgsoa@cspq.gouv.qc.ca",
    holiday: ["lundi 28 décembre 2026", "Lendemain de Noël (jour observé)"],
  },
];

for (const c of CASES) {
  test.describe(c.path, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await setNow(context, baseURL!, c.at);
    });

    test("French: hours, status, answer-by, contacts, holidays; accessible @phone", async ({ page }) => {
      await page.goto(c.path);
      await expect(page.locator("html")).toHaveAttribute("lang", "fr-CA");
      await expect(page.getByRole("heading", { level: 1 })).toContainText(c.fr.h1);
      await expect(page.getByTestId("open-status")).toHaveText(c.fr.status);
      await expect(page.getByTestId("write-now")).toContainText(c.fr.writeNow);
      const table = page.getByTestId("hours-table");
      await expect(table.locator("tr[data-weekday='1'] td").first()).toHaveText("de 8 h 30 à 12 h et de 13 h à 16 h 30");
      await expect(table.locator("tr[data-weekday='1'] td").nth(1)).toHaveText("Fermé de 12 h à 13 h");
      await expect(table.locator("tr[data-weekday='6'] td").first()).toHaveText("Fermé");
      if (c.fr.exceptionDay) {
        const row = table.getByRole("row", { name: new RegExp(`^${c.fr.exceptionDay}`) });
        await expect(row.locator("td").first()).toHaveText(c.fr.exceptionHours!);
        await expect(row).toContainText("Horaire particulier");
      }
      await expect(page.getByTestId("contacts")).toContainText(c.contact);
      await expect(page.getByTestId("holidays")).toContainText(c.holiday[0]);
      await expect(page.getByTestId("holidays")).toContainText(c.holiday[1]);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });

    test("English", async ({ page }) => {
      await page.goto(`/en${c.path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", "en-CA");
      await expect(page.getByTestId("open-status")).toHaveText(c.en.status);
      await expect(page.getByTestId("write-now")).toContainText(c.en.writeNow);
      await expect(page.getByTestId("hours-table").locator("tr[data-weekday='1'] th")).toHaveText("Monday");
      await expect(page.getByTestId("holidays")).toContainText(c.en.holiday);
      await expectAccessible(page);
    });
  });
}

test("a service overview lists its audiences with their status", async ({ page, context, baseURL }) => {
  await setNow(context, baseURL!, "2026-11-25T09:45:00-05:00");
  await page.goto("/services/ca-dotation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Centre d'assistance en dotation");
  await expect(page.getByTestId("open-status")).toHaveText(["Fermé — ouvre aujourd'hui à 10 h", "Ouvert — ferme aujourd'hui à 12 h"]);
  await expectAccessible(page);
  await page.goto("/en/services/sagir");
  await expect(page.getByRole("heading", { name: "Prerequisites" })).toBeVisible();
  await expectAccessible(page);
});

test("on a holiday the status names the next business day", async ({ page, context, baseURL }) => {
  await setNow(context, baseURL!, "2026-12-24T10:00:00-05:00");
  await page.goto("/services/sagir/sagir-user");
  await expect(page.getByTestId("open-status")).toHaveText("Fermé — ouvre mardi à 8 h 30");
});
