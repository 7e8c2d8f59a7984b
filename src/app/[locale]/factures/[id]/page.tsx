import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { invoiceText } from "@/components/billing/invoice-text";
import { PrintButton } from "@/components/dashboard/print-button";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { mayManageBilling, readInvoice, type InvoiceDocument } from "@/server/services/manage-billing";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Billing" }))("invoiceTitle"), robots: { index: false } };
}

/**
 * A SAGIR invoice as a printable page (and its PDF): for the managers of SAGIR and the admin, or the
 * pilot of its MO; anyone else, another MO's invoice included, gets "not found".
 */
export default async function InvoicePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  let invoice: InvoiceDocument;
  try {
    invoice = await readInvoice({ user, invoiceId: id, now: await getNow() });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const t = await getTranslations("Billing");
  const text = invoiceText(invoice, (key, values) => t(key as "title", values as never), locale);
  const back = mayManageBilling(user) ? `/gestion/facturation/${invoice.organization.code}?annee=${invoice.fiscalYear}` : `/pilote/facturation?annee=${invoice.fiscalYear}`;
  return (
    <article className="max-w-4xl" data-testid="invoice">
      <p className="no-print mb-4 flex flex-wrap items-center gap-4">
        <Link href={back} className="text-qc-blue underline">
          {t("back")}
        </Link>
        <PrintButton label={t("print")} />
        <a href={`/${locale}/factures/${invoice.id}/pdf`} className="rounded border border-qc-blue px-4 py-2 font-semibold text-qc-blue" data-testid="invoice-pdf">
          {t("pdf")}
        </a>
      </p>
      <h1 className="text-3xl font-bold text-qc-navy">
        {text.title} <span className="whitespace-nowrap">{text.number}</span>
      </h1>
      <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {(
          [
            ["seller", text.seller],
            ["buyer", text.buyer],
            ["period", text.period],
            ["issuedOn", text.issuedOn],
            ["dueOn", text.dueOn],
            ["state", text.state],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="font-semibold">{t(`fields.${key}`)}</dt>
            <dd data-testid={`invoice-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="relative mt-6 overflow-x-auto" tabIndex={0} role="group" aria-label={text.title}>
        <table className="w-full min-w-[36rem] border-collapse text-left">
          <caption className="sr-only">{text.title}</caption>
          <thead>
            <tr className="border-b-2 border-slate-500">
              <th scope="col" className="px-2 py-1">{t("fields.description")}</th>
              <th scope="col" className="px-2 py-1 text-right">{t("fields.quantity")}</th>
              <th scope="col" className="px-2 py-1 text-right">{t("fields.unitPrice")}</th>
              <th scope="col" className="px-2 py-1 text-right">{t("fields.amount")}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-slate-200">
              <td className="px-2 py-1">{text.line.description}</td>
              <td className="px-2 py-1 text-right tabular-nums">{text.line.quantity}</td>
              <td className="px-2 py-1 text-right tabular-nums">{text.line.unitPrice}</td>
              <td className="px-2 py-1 text-right tabular-nums">{text.line.amount}</td>
            </tr>
            <tr className="border-b border-slate-400">
              <td className="px-2 py-1" colSpan={3}>{text.taxes}</td>
              <td className="px-2 py-1 text-right tabular-nums">{text.taxesAmount}</td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3} className="px-2 py-2 text-left">{t("fields.total")}</th>
              <td className="px-2 py-2 text-right text-lg font-bold tabular-nums" data-testid="invoice-total">{text.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <section className="mt-6" aria-labelledby="calcul">
        <h2 id="calcul" className="text-xl font-semibold text-qc-navy">{t("fields.computation")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-6" data-testid="invoice-computation">
          {text.computation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <p className="mt-6 text-sm text-slate-700">{text.terms}</p>
    </article>
  );
}
