// GET /<locale>/factures/<id>/pdf — a SAGIR invoice as a PDF, with the words of its page: for the
// managers of SAGIR and the admin, or the pilot of its MO; anyone else (another MO's too) gets 404.
import { getTranslations } from "next-intl/server";
import { type NextRequest } from "next/server";
import { invoiceText } from "@/components/billing/invoice-text";
import { routing, type Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { handleRoute } from "@/server/http/route-handler";
import { invoicePdf } from "@/server/services/invoice-pdf";
import { readInvoice } from "@/server/services/manage-billing";

export function GET(_request: NextRequest, { params }: { params: Promise<{ locale: string; id: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { locale: rawLocale, id } = await params;
    const locale: Locale = (routing.locales as readonly string[]).includes(rawLocale) ? (rawLocale as Locale) : "fr";
    const invoice = await readInvoice({ user: await getCurrentUser(), invoiceId: id, now: await getNow() });
    const t = await getTranslations({ locale, namespace: "Billing" });
    const tr = (key: string, values?: Record<string, string | number>) => t(key as "title", values as never);
    const text = invoiceText(invoice, tr, locale);
    const labels = Object.fromEntries(
      (["number", "seller", "buyer", "period", "issuedOn", "dueOn", "state", "description", "quantity", "unitPrice", "amount", "computation", "total"] as const).map((k) => [k, tr(`fields.${k}`)]),
    ) as Parameters<typeof invoicePdf>[1];
    const pdf = await invoicePdf(text, labels, locale === "fr" ? "fr-CA" : "en-CA");
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${invoice.number}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
