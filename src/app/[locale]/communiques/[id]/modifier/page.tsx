import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { CommuniqueForm } from "@/components/communiques/communique-form";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { toAppError } from "@/server/errors";
import { audienceOrganizations, readCommunique, type CommuniqueView } from "@/server/services/communiques";
import { isUuid } from "@/server/validate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Communiques" }))("edit"), robots: { index: false } };
}

/** A draft (or a communiqué returned to its pilot) changed; anything sent cannot be. */
export default async function EditCommuniquePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  if (!isUuid(id)) notFound();
  let view: CommuniqueView;
  try {
    view = await readCommunique({ user, id, locale, now: await getNow() });
  } catch (error) {
    if (toAppError(error).code === "NOT_FOUND") notFound();
    throw error;
  }
  if (!view.manage?.can.edit) notFound();
  const t = await getTranslations("Communiques");
  const organizations = user.role === "mo_pilot" ? [] : await audienceOrganizations(view.serviceId);
  return (
    <>
      <p>
        <Link href={`/communiques/${id}`} className="text-qc-blue underline">{t("backToCommunique")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-qc-navy">{t("edit")}</h1>
      {view.replaces && <p className="mt-1 text-slate-700" data-testid="replaces-note">{t("replacesNote", { number: view.replaces.number ?? "", title: view.replaces.title })}</p>}
      {view.manage.returnReason && (
        <p className="mt-3 max-w-3xl rounded border-l-4 border-closed bg-closed-pale p-3" data-testid="return-reason">
          <strong>{t("returnedBecause")}</strong> {view.manage.returnReason}
        </p>
      )}
      <CommuniqueForm
        locale={locale}
        service={view.serviceId}
        pilotOrganization={user.role === "mo_pilot" ? (view.organizationName ?? "") : null}
        organizations={organizations}
        draft={{ id: view.id, ...view.manage.texts, audience: view.manage.audience, files: view.files }}
      />
    </>
  );
}
