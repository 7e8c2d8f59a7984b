// The fiscal year a billing page shows, and links to the one before and after.
import { getTranslations } from "next-intl/server";
import { fiscalYearLabel } from "@/domain/billing/billing";
import { Link } from "@/i18n/navigation";

export async function YearNav({ fiscalYear, href }: { fiscalYear: number; href: string }) {
  const t = await getTranslations("Billing");
  return (
    <nav className="no-print mt-3 flex flex-wrap items-center gap-4" aria-label={t("yearNav")}>
      <Link href={`${href}?annee=${fiscalYear - 1}`} className="text-qc-blue underline">
        ← {fiscalYearLabel(fiscalYear - 1)}
      </Link>
      <span className="text-lg font-semibold" aria-current="page" data-testid="fiscal-year">
        {t("fiscalYearShort", { year: fiscalYearLabel(fiscalYear) })}
      </span>
      <Link href={`${href}?annee=${fiscalYear + 1}`} className="text-qc-blue underline">
        {fiscalYearLabel(fiscalYear + 1)} →
      </Link>
    </nav>
  );
}
