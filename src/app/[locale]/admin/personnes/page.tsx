import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { PersonLookup } from "@/components/admin/person-lookup";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCatalogue } from "@/server/services/get-catalogue";
import { erasePersonAction, exportPersonAction, lookUpPersonAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "PersonData" }))("title"), robots: { index: false } };
}

/** A person's request about their information (Loi 25): the admin looks up an address, exports, erases. */
export default async function PersonDataPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  if (user.role !== "admin") notFound();
  const [t, tt, ta, catalogue] = await Promise.all([getTranslations("PersonData"), getTranslations("Tracking"), getTranslations("Account"), getCatalogue()]);
  const statuses = Object.fromEntries(["new", "in_progress", "waiting_requester", "resolved", "closed"].map((s) => [s, tt(`statuses.${s}` as "statuses.new")]));
  const services = Object.fromEntries(catalogue.profiles.map((p) => [p.serviceId, p.shortName[locale]]));
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-2 max-w-4xl text-slate-700">{t("intro")}</p>
      <PersonLookup
        labels={{
          email: t("email"),
          search: t("search"),
          none: t("none"),
          account: t("account"),
          noAccount: t("noAccount"),
          requests: t("requests"),
          columns: { number: t("columns.number"), service: t("columns.service"), status: t("columns.status"), received: t("columns.received"), closed: t("columns.closed"), erased: t("columns.erased"), messages: t("columns.messages"), files: t("columns.files") },
          statuses,
          services,
          export: t("export"),
          readable: t("readable"),
          statement: {
            title: t("statement.title"),
            exportedAt: t("statement.exportedAt"),
            print: t("statement.print"),
            role: t("statement.role"),
            organization: t("statement.organization"),
            created: t("statement.created"),
            subject: t("statement.subject"),
            internal: t("statement.internal"),
            from: Object.fromEntries(["requester", "centre", "second_level", "system"].map((k) => [k, t(`statement.from.${k}` as "statement.from.requester")])),
            attachments: t("statement.attachments"),
            emailsReceived: t("statement.emailsReceived"),
            sep: t("statement.sep"),
            bytes: t("statement.bytes"),
            roles: Object.fromEntries(["mo_specialist", "sagir_user", "mo_pilot", "agent", "manager", "admin"].map((r) => [r, ta(`roles.${r}` as "roles.admin")])),
          },
          erase: t("erase"),
          eraseQuestion: t("eraseQuestion"),
          confirm: t("confirm"),
          cancel: t("cancel"),
          erasedDone: t("erasedDone"),
          openLeft: t("openLeft"),
          yes: t("yes"),
        }}
        actions={{ lookUp: lookUpPersonAction.bind(null, locale), exportJson: exportPersonAction.bind(null, locale), erase: erasePersonAction.bind(null, locale) }}
      />
    </>
  );
}
