import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { formatDate } from "@/i18n/format";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { listOrganizations } from "@/server/services/administer-organizations";
import { getCatalogue } from "@/server/services/get-catalogue";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ enregistre?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "AdminOrganizations" }))("title"), robots: { index: false } };
}

/** The ministries and organizations (MO): their centres, SAGIR's prerequisites, emergency number, contacts. */
export default async function OrganizationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  if (user.role !== "admin") notFound();
  const [t, organizations, { profiles }, { enregistre }] = await Promise.all([getTranslations("AdminOrganizations"), listOrganizations({ user }), getCatalogue(), searchParams]);
  const centre = (id: string) => profiles.find((p) => p.serviceId === id)?.shortName[locale] ?? id;
  const saved = organizations.find((o) => o.id === enregistre);
  const day = (iso: string) => formatDate(Date.parse(`${iso}T12:00:00Z`), locale);
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-2 max-w-4xl text-slate-700">{t("intro")}</p>
      {saved && (
        <p role="status" className="mt-4 max-w-4xl rounded border-l-4 border-ok bg-ok-pale p-3" data-testid="organization-saved">
          {t("saved", { name: saved.name })}
        </p>
      )}
      <p className="mt-4">
        <Link href="/admin/organisations/nouveau" className="inline-block rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy" data-testid="new-organization">
          {t("new")}
        </Link>
      </p>
      <div className="mt-4 relative overflow-x-auto">
        <table className="w-full border-collapse text-left" data-testid="organizations">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="hidden md:table-header-group">
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="py-2 pr-4">{t("name")}</th>
              <th scope="col" className="py-2 pr-4">{t("code")}</th>
              <th scope="col" className="py-2 pr-4">{t("services")}</th>
              <th scope="col" className="py-2 pr-4">{t("sagir")}</th>
              <th scope="col" className="py-2 pr-4">{t("emergencyPhone")}</th>
              <th scope="col" className="py-2 pr-4">{t("contacts")}</th>
              <th scope="col" className="py-2 text-right">{t("people")}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id} className="block border-b border-slate-200 py-2 align-top md:table-row md:py-0" data-testid={`organization-${o.code}`}>
                <td className="block py-1 md:table-cell md:py-2 pr-4">
                  <Link href={`/admin/organisations/${o.id}`} className="font-semibold text-qc-blue underline">
                    {o.name}
                  </Link>
                </td>
                <td className="block py-1 md:table-cell md:py-2 pr-4"><Cell label={t("code")} locale={locale} />{o.code}</td>
                <td className="block py-1 md:table-cell md:py-2 pr-4"><Cell label={t("services")} locale={locale} />{o.services.map(centre).join(", ") || "—"}</td>
                <td className="block py-1 md:table-cell md:py-2 pr-4"><Cell label={t("sagir")} locale={locale} />{o.sagirAdheredOn ? t("adheredOn", { date: day(o.sagirAdheredOn) }) : "—"}</td>
                <td className="block py-1 md:table-cell md:py-2 pr-4 md:whitespace-nowrap"><Cell label={t("emergencyPhone")} locale={locale} />{o.emergencyPhone ?? "—"}</td>
                <td className="block py-1 md:table-cell md:py-2 pr-4"><Cell label={t("contacts")} locale={locale} />{o.contacts.map((c) => c.name).join(", ") || "—"}</td>
                <td className="block py-1 tabular-nums md:table-cell md:py-2 md:text-right"><Cell label={t("people")} locale={locale} />{o.people}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** On a phone the rows are stacked: each value says which column it is (the header row is hidden). */
function Cell({ label, locale }: { label: string; locale: Locale }) {
  return <span className="font-semibold md:hidden">{`${label}${locale === "fr" ? "\u00a0: " : ": "}`}</span>;
}
