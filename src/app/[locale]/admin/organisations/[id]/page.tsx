import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { OrganizationForm, type OrganizationFormValues } from "@/components/admin/organization-form";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { AppError } from "@/server/errors";
import { readOrganization } from "@/server/services/administer-organizations";
import { getCatalogue } from "@/server/services/get-catalogue";
import { saveOrganizationAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }> };

const NEW = "nouveau";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "AdminOrganizations" });
  return { title: id === NEW ? t("new") : t("edit"), robots: { index: false } };
}

/** One MO's form (`nouveau`: a new one). */
export default async function OrganizationPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  if (user.role !== "admin") notFound();
  const [t, { profiles }] = await Promise.all([getTranslations("AdminOrganizations"), getCatalogue()]);
  let initial: OrganizationFormValues = { name: "", code: "", emailDomains: "", services: [], sagirImplementedOn: "", sagirAdheredOn: "", emergencyPhone: "", contacts: [] };
  let title = t("new");
  if (id !== NEW) {
    const organization = await readOrganization({ user, id }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
    title = organization.name;
    initial = {
      name: organization.name,
      code: organization.code,
      emailDomains: organization.emailDomains.join("\n"),
      services: organization.services,
      sagirImplementedOn: organization.sagirImplementedOn ?? "",
      sagirAdheredOn: organization.sagirAdheredOn ?? "",
      emergencyPhone: organization.emergencyPhone ?? "",
      contacts: organization.contacts.map((c) => ({ name: c.name, email: c.email, phone: c.phone ?? "" })),
    };
  }
  return (
    <>
      <p>
        <Link href="/admin/organisations" className="text-qc-blue underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-qc-navy">{title}</h1>
      <OrganizationForm
        action={saveOrganizationAction.bind(null, locale, id === NEW ? null : id)}
        initial={initial}
        centres={profiles.map((p) => ({ id: p.serviceId, label: p.shortName[locale] }))}
      />
    </>
  );
}
