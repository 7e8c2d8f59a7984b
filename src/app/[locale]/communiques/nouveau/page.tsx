import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { CommuniqueForm } from "@/components/communiques/communique-form";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCatalogue } from "@/server/services/get-catalogue";
import { audienceOrganizations, communiqueDesks } from "@/server/services/communiques";
import type { CommuniqueService } from "@/domain/communiques/communiques";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Communiques" }))("new"), robots: { index: false } };
}

/** A new communiqué of a desk: a centre's (its agents and managers) or an MO's (its pilot, SAGIR). */
export default async function NewCommuniquePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const query = await searchParams;
  const desks = communiqueDesks(user);
  const service = (typeof query.service === "string" ? query.service : desks[0]) as CommuniqueService;
  if (!desks.includes(service)) notFound();
  const t = await getTranslations("Communiques");
  const [{ profiles }, organizations] = await Promise.all([getCatalogue(), user.role === "mo_pilot" ? Promise.resolve([]) : audienceOrganizations(service)]);
  const centre = profiles.find((p) => p.serviceId === service)?.name[locale] ?? service;
  return (
    <>
      <p>
        <Link href="/communiques" className="text-qc-blue underline">{t("back")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-qc-navy">{t("new")}</h1>
      <p className="mt-1 text-slate-700">{user.role === "mo_pilot" ? t("pilotIntro") : t("staffIntro", { centre })}</p>
      <CommuniqueForm locale={locale} service={service} pilotOrganization={user.role === "mo_pilot" ? (user.organization?.name ?? "") : null} organizations={organizations} />
    </>
  );
}
