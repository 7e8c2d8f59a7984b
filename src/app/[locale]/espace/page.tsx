import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CENTRE_UI } from "@/components/centre/centre-ui";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { canUseCentre, centreAccess, isManagerOf } from "@/server/auth/authorize";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCatalogue } from "@/server/services/get-catalogue";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { SAGIR_GROUP_LABELS, type SagirGroup } from "@/domain/communiques/communiques";
import { communiqueDesks, groupsOf, listReceivedCommuniques, localeOf, unreadCommuniques } from "@/server/services/communiques";
import { formatDateTime } from "@/i18n/format";
import { saveLocaleAction } from "../communiques/actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Account" }))("title"), robots: { index: false } };
}

const MO_ROLES = new Set(["mo_specialist", "sagir_user", "mo_pilot"]);

const CENTRE_LINKS = [
  { centre: "ca-dotation", testId: "mo-links", create: "moNew", list: "moList" },
  { centre: "sagir", testId: "sagir-links", create: "sagirNew", list: "sagirList" },
] as const;

export default async function SpacePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const t = await getTranslations("Account");
  const tp = await getTranslations("Pilot");
  const tconsole = await getTranslations("Console");
  const toutbox = await getTranslations("Outbox");
  const tperson = await getTranslations("PersonData");
  const tstaff = await getTranslations("AdminStaff");
  const tcanned = await getTranslations("CannedReplies");
  const tguides = await getTranslations("Guides.desk");
  const tcallImport = await getTranslations("CallImport");
  const tbilling = await getTranslations("Billing");
  const torganizations = await getTranslations("AdminOrganizations");
  const tkeys = await getTranslations("AdminKeys");
  const tdashboard = await getTranslations("Dashboard");
  const tcatalogue = await getTranslations("Catalogue");
  const tcom = await getTranslations("Communiques");
  const { profiles } = await getCatalogue();
  const receives = MO_ROLES.has(user.role);
  const [unread, groups, mailLocale, recent] = receives
    ? await Promise.all([unreadCommuniques(user), groupsOf(user.id), localeOf(user.id), listReceivedCommuniques({ user, locale, take: 5 }).then((r) => r.items)])
    : [0, [], "fr" as const, []];
  const desks = communiqueDesks(user);
  const serviceName = (id: string) => profiles.find((p) => p.serviceId === id)?.name[locale] ?? id;
  // The MO emergency line is for MO users of an organization served by CA-dotation, never for candidates.
  const emergency =
    MO_ROLES.has(user.role) && user.organization?.services.includes("ca-dotation") ? user.organization.emergencyPhone : null;
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-3 text-lg">{t("welcome", { name: user.name })}</p>
      <dl className="mt-4 grid max-w-2xl grid-cols-1 gap-x-6 sm:grid-cols-[auto_1fr] sm:gap-y-2">
        <dt className="mt-2 font-semibold sm:mt-0">{t("role")}</dt>
        <dd>{t(`roles.${user.role}` as "roles.admin")}</dd>
        {user.organization && (
          <>
            <dt className="mt-2 font-semibold sm:mt-0">{t("organization")}</dt>
            <dd>{user.organization.name}</dd>
          </>
        )}
        <dt className="mt-2 font-semibold sm:mt-0">{t("centres")}</dt>
        <dd>{user.services.map(serviceName).join(", ")}</dd>
      </dl>
      <div className="mt-6 space-y-4">
        {CENTRE_LINKS.filter(({ centre }) => canUseCentre(user, centre)).map(({ centre, testId, create, list }) => (
          <ul key={centre} className="flex flex-wrap gap-3" data-testid={testId}>
            <li>
              <Link href={CENTRE_UI[centre].create} className="inline-block rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy">
                {t(create)}
              </Link>
            </li>
            <li>
              <Link href={CENTRE_UI[centre].list} className="inline-block rounded border border-qc-blue px-4 py-2 font-semibold text-qc-blue">
                {t(list)}
              </Link>
            </li>
          </ul>
        ))}
      </div>
      {user.role === "sagir_user" && centreAccess(user, "sagir") === "not-adhered" && (
        <p className="mt-4">
          <Link href="/sagir/outil-requete" className="text-qc-blue underline">
            {t("sagirNotAdhered")}
          </Link>
        </p>
      )}
      {user.role === "mo_pilot" && (
        <p className="mt-4">
          <Link href="/pilote/utilisateurs" className="text-qc-blue underline">
            {tp("link")}
          </Link>
          <Link href="/pilote/facturation" className="ml-6 text-qc-blue underline" data-testid="pilot-billing-link">
            {tbilling("link")}
          </Link>
        </p>
      )}
      {user.role === "agent" && (
        <p className="mt-4">
          <Link href="/console" className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy" data-testid="console-link">
            {tconsole("title")}
          </Link>
          <Link href="/gestion/guides" className="ml-6 text-qc-blue underline" data-testid="guides-desk-link">
            {tguides("title")}
          </Link>
        </p>
      )}
      {(user.role === "manager" || user.role === "admin") && (
        <p className="mt-4 flex flex-wrap items-center gap-4">
          <Link href="/gestion/tableau-de-bord" className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy" data-testid="dashboard-link">
            {tdashboard("title")}
          </Link>
          <Link href="/gestion/catalogue" className="text-qc-blue underline" data-testid="catalogue-link">
            {tcatalogue("title")}
          </Link>
          <Link href="/gestion/journal" className="text-qc-blue underline">
            {tconsole("audit.title")}
          </Link>
          <Link href="/gestion/second-niveau" className="text-qc-blue underline" data-testid="second-level-link">
            {tconsole("secondLevel.manageTitle")}
          </Link>
          <Link href="/gestion/reponses" className="text-qc-blue underline" data-testid="canned-replies-link">
            {tcanned("title")}
          </Link>
          <Link href="/gestion/guides" className="text-qc-blue underline" data-testid="guides-desk-link">
            {tguides("title")}
          </Link>
          <Link href="/gestion/appels" className="text-qc-blue underline" data-testid="call-import-link">
            {tcallImport("title")}
          </Link>
          {isManagerOf(user, "sagir") && (
            <Link href="/gestion/facturation" className="text-qc-blue underline" data-testid="billing-link">
              {tbilling("title")}
            </Link>
          )}
          {user.role === "admin" && (
            <>
              <Link href="/admin/courriels" className="text-qc-blue underline" data-testid="outbox-link">
                {toutbox("title")}
              </Link>
              <Link href="/admin/personnes" className="text-qc-blue underline" data-testid="person-data-link">
                {tperson("title")}
              </Link>
              <Link href="/admin/personnel" className="text-qc-blue underline" data-testid="staff-link">
                {tstaff("title")}
              </Link>
              <Link href="/admin/organisations" className="text-qc-blue underline" data-testid="organizations-link">
                {torganizations("title")}
              </Link>
              <Link href="/admin/cles" className="text-qc-blue underline" data-testid="api-keys-link">
                {tkeys("title")}
              </Link>
            </>
          )}
        </p>
      )}
      {(receives || desks.length > 0) && (
        <section className="mt-6 max-w-3xl rounded-lg border border-slate-300 p-4" aria-labelledby="communiques" data-testid="space-communiques">
          <h2 id="communiques" className="text-xl font-semibold text-qc-navy">{tcom("title")}</h2>
          <p className="mt-1">
            <Link href="/communiques" className="text-qc-blue underline" data-testid="space-communiques-link">
              {receives ? tcom("spaceUnread", { count: unread }) : tcom("spaceDesk")}
            </Link>
          </p>
          {recent.length > 0 && (
            <ul className="mt-2 space-y-1" data-testid="space-recent-communiques">
              {recent.map((c) => (
                <li key={c.id} className={c.read ? "" : "font-semibold"} data-read={c.read}>
                  <Link href={`/communiques/${c.id}`} className="text-qc-blue underline">{c.number} — {c.title}</Link>{" "}
                  <span className="text-sm text-slate-700">{formatDateTime(c.deliveredAt.getTime(), locale)}</span>
                  {!c.read && <span className="ml-2 rounded bg-qc-navy px-2 py-0.5 text-sm text-white">{tcom("unread")}</span>}
                </li>
              ))}
            </ul>
          )}
          {receives && user.services.includes("sagir") && (
            <p className="mt-2" data-testid="my-groups">
              <strong>{tcom("myGroups")}</strong>{" "}
              {groups.length ? groups.map((g) => SAGIR_GROUP_LABELS[g as SagirGroup]?.[locale] ?? g).join(", ") : tcom("noGroup")}
            </p>
          )}
          {receives && (
            <ActionForm action={saveLocaleAction.bind(null, locale)} label={tcom("mailLanguage")} className="mt-3 flex flex-wrap items-end gap-3">
              <div className="w-56">
                <Field kind="select" id="mail-locale" name="locale" label={tcom("mailLanguage")} defaultValue={mailLocale} options={[{ value: "fr", label: "Français" }, { value: "en", label: "English" }]} />
              </div>
              <SubmitButton variant="secondary">{tcom("saveLanguage")}</SubmitButton>
            </ActionForm>
          )}
        </section>
      )}
      {emergency && (
        <section className="mt-6 max-w-2xl rounded-lg border-l-4 border-qc-blue bg-qc-pale p-4" aria-labelledby="urgence" data-testid="emergency">
          <h2 id="urgence" className="text-xl font-semibold text-qc-navy">{t("emergencyTitle")}</h2>
          <p className="mt-1">
            <a href={`tel:+1${emergency.replace(/\D/g, "")}`} className="text-2xl font-semibold text-qc-blue underline">
              {emergency}
            </a>
          </p>
          <p className="mt-1 text-slate-700">{t("emergencyNote")}</p>
        </section>
      )}
    </>
  );
}
