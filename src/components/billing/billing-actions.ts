"use server";
// Server actions of SAGIR billing, for the managers' pages and the pilot's: each parses its form
// with the schema the use case documents, runs the use case (which checks who may), and answers
// with a notice in the reader's language or the refusal with its field messages.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import type { ConsoleFormState } from "@/components/console/action-form";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { formatMoney } from "@/domain/billing/billing";
import { ZAdjustmentInput, ZAgreementInput, ZHeadcountInput, ZPaymentInput, ZTariffRateDelete, ZTariffRateInput } from "@/schemas/billing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { publicBaseUrl } from "@/server/http/public-url";
import { formValues, runAction } from "@/server/http/server-action";
import { declareHeadcount, deleteTariffRate, issueAdjustment, previewTariffRate, recordPayment, runMonthlyInvoices, saveAgreement, saveTariffRate } from "@/server/services/manage-billing";
import { parseInput } from "@/server/validate";

type State = ConsoleFormState;

async function act<T>(locale: Locale, previous: State, form: FormData, run: (values: Record<string, string>) => Promise<T>, notice: (data: T) => Promise<string>): Promise<State> {
  const values = formValues(form);
  const result = await runAction(locale, () => run(values));
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  revalidatePath(`/${locale}/gestion/facturation`, "layout");
  revalidatePath(`/${locale}/pilote/facturation`);
  return { seq: previous.seq + 1, ok: true, values: {}, failure: null, notice: await notice(result.data) };
}

const tb = (locale: Locale) => getTranslations({ locale, namespace: "Billing.notices" });

/** The rate typed is checked, then shown with what it changes (the page's preview, from the URL). */
export async function previewRateAction(locale: Locale, previous: State, form: FormData): Promise<State> {
  const values = formValues(form);
  const result = await runAction(locale, async () => {
    const input = parseInput(ZTariffRateInput, values);
    await previewTariffRate({ user: await getCurrentUser(), input, now: await getNow() });
    return input;
  });
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  return redirect({ href: `/gestion/facturation?tarifDe=${result.data.from}&tarif=${result.data.rate}#grille`, locale });
}

export async function saveRateAction(locale: Locale, previous: State, form: FormData): Promise<State> {
  const values = formValues(form);
  const result = await runAction(locale, async () => {
    const input = parseInput(ZTariffRateInput, values);
    await saveTariffRate({ user: await getCurrentUser(), input, now: await getNow() });
    return input;
  });
  if (!result.ok) return { seq: previous.seq + 1, ok: false, values, failure: result, notice: null };
  revalidatePath(`/${locale}/gestion/facturation`, "layout");
  return redirect({ href: `/gestion/facturation?tarifEnregistre=${result.data.from}#grille`, locale });
}

export async function deleteRateAction(locale: Locale, previous: State, form: FormData): Promise<State> {
  return act(
    locale,
    previous,
    form,
    async (values) => deleteTariffRate({ user: await getCurrentUser(), from: parseInput(ZTariffRateDelete, values).from, now: await getNow() }),
    async () => (await tb(locale))("rateDeleted"),
  );
}

export async function runMonthAction(locale: Locale, previous: State, form: FormData): Promise<State> {
  return act(
    locale,
    previous,
    form,
    async () => runMonthlyInvoices({ user: await getCurrentUser(), now: await getNow(), mail: { baseUrl: await publicBaseUrl() } }),
    async (run) => {
      const t = await tb(locale);
      if (run.withoutRate) return t("runWithoutRate");
      const lines = [t("run", { issued: run.issued, already: run.already })];
      if (run.withoutEstimate.length) lines.push(t("runWithoutEstimate", { codes: run.withoutEstimate.join(", ") }));
      return lines.join("\n");
    },
  );
}

export async function saveAgreementAction(locale: Locale, previous: State, form: FormData): Promise<State> {
  return act(
    locale,
    previous,
    form,
    async (values) => saveAgreement({ user: await getCurrentUser(), input: parseInput(ZAgreementInput, values), now: await getNow() }),
    async () => (await tb(locale))("agreementSaved"),
  );
}

export async function recordPaymentAction(locale: Locale, previous: State, form: FormData): Promise<State> {
  return act(
    locale,
    previous,
    form,
    async (values) => {
      const input = parseInput(ZPaymentInput, values);
      await recordPayment({ user: await getCurrentUser(), input, now: await getNow() });
      return input.paidOn;
    },
    async (paidOn) => (await tb(locale))(paidOn ? "paymentRecorded" : "paymentCancelled"),
  );
}

export async function declareHeadcountAction(locale: Locale, previous: State, form: FormData): Promise<State> {
  return act(
    locale,
    previous,
    form,
    async (values) => {
      const input = parseInput(ZHeadcountInput, values);
      await declareHeadcount({ user: await getCurrentUser(), input, now: await getNow() });
      return input;
    },
    async () => (await tb(locale))("headcountDeclared"),
  );
}

export async function issueAdjustmentAction(locale: Locale, previous: State, form: FormData): Promise<State> {
  return act(
    locale,
    previous,
    form,
    async (values) => issueAdjustment({ user: await getCurrentUser(), input: parseInput(ZAdjustmentInput, values), now: await getNow(), mail: { baseUrl: await publicBaseUrl() } }),
    async (invoice) => (await tb(locale))(invoice.amountCents < 0 ? "creditIssued" : "adjustmentIssued", { number: invoice.number, amount: formatMoney(Math.abs(invoice.amountCents), locale) }),
  );
}
