import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatDateTime } from "@/i18n/format";
import { Link, redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { COMMUNIQUE_STATUS_STYLE } from "@/components/communiques/status";
import { getCatalogue } from "@/server/services/get-catalogue";
import { communiqueDesks, listDeskCommuniques, listReceivedCommuniques } from "@/server/services/communiques";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Communiques" }))("title"), robots: { index: false } };
}

const MO_ROLES = new Set(["mo_specialist", "sagir_user", "mo_pilot"]);


/** A person's communiqués: those they received (MO people), and the desks of those who write them. */
export default async function CommuniquesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const t = await getTranslations("Communiques");
  const query = await searchParams;
  const before = typeof query.avant === "string" ? query.avant : null;
  const desks = communiqueDesks(user);
  const receives = MO_ROLES.has(user.role);
  const [received, deskRows, { profiles }] = await Promise.all([
    receives ? listReceivedCommuniques({ user, locale, before }) : Promise.resolve(null),
    Promise.all(desks.map(async (service) => ({ service, rows: await listDeskCommuniques({ user, serviceId: service, locale }) }))),
    getCatalogue(),
  ]);
  const centre = (id: string) => profiles.find((p) => p.serviceId === id)?.name[locale] ?? id;
  const number = (n: number) => n.toLocaleString(locale === "fr" ? "fr-CA" : "en-CA");
  const sourceOf = (source: string, organization: string | null) => (source === "mo" ? (organization ?? t("sources.mo")) : t(`sources.${source}` as "sources.dggir"));
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
      {received && (
        <section aria-labelledby="received" className="mt-6">
          <h2 id="received" className="text-2xl font-semibold text-qc-navy">{t("received")}</h2>
          {received.items.length === 0 ? (
            <p className="mt-2" data-testid="no-communique">{t("noneReceived")}</p>
          ) : (
            <div className="relative mt-2 overflow-x-auto" tabIndex={0} role="group" aria-label={t("received")}>
              <table className="w-full border-collapse text-left" data-testid="received-communiques">
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="p-2">{t("number")}</th>
                    <th scope="col" className="p-2">{t("titleColumn")}</th>
                    <th scope="col" className="p-2">{t("from")}</th>
                    <th scope="col" className="p-2">{t("receivedAt")}</th>
                    <th scope="col" className="p-2">{t("readColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {received.items.map((c) => (
                    <tr key={c.id} className={`border-b border-slate-200 ${c.read ? "" : "font-semibold"}`} data-testid="received-row" data-read={c.read}>
                      <td className="whitespace-nowrap p-2">{c.number}</td>
                      <td className="p-2">
                        <Link href={`/communiques/${c.id}`} className="text-qc-blue underline">{c.title}</Link>
                      </td>
                      <td className="p-2">{sourceOf(c.source, c.organizationName)} · {centre(c.serviceId)}</td>
                      <td className="whitespace-nowrap p-2">{formatDateTime(c.deliveredAt.getTime(), locale)}</td>
                      <td className="p-2">{c.read ? t("read") : <span className="rounded bg-qc-navy px-2 py-0.5 text-sm text-white">{t("unread")}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {(received.next || before) && (
            <p className="mt-3 flex gap-6">
              {before && <Link href="/communiques" className="text-qc-blue underline">{t("newest")}</Link>}
              {received.next && <Link href={`/communiques?avant=${encodeURIComponent(received.next)}`} className="text-qc-blue underline" data-testid="older">{t("older")}</Link>}
            </p>
          )}
        </section>
      )}
      {deskRows.map(({ service, rows }) => (
        <section key={service} aria-labelledby={`desk-${service}`} className="mt-8">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id={`desk-${service}`} className="text-2xl font-semibold text-qc-navy">
              {user.role === "mo_pilot" ? t("pilotDesk", { organization: user.organization?.name ?? "" }) : t("desk", { centre: centre(service) })}
            </h2>
            <Link href={`/communiques/nouveau?service=${service}`} className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy" data-testid={`new-communique-${service}`}>
              {t("new")}
            </Link>
          </div>
          {rows.length === 0 ? (
            <p className="mt-2">{t("noneWritten")}</p>
          ) : (
            <div className="relative mt-2 overflow-x-auto" tabIndex={0} role="group" aria-label={t("desk", { centre: centre(service) })}>
              <table className="w-full border-collapse text-left" data-testid={`desk-communiques-${service}`}>
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="p-2">{t("number")}</th>
                    <th scope="col" className="p-2">{t("titleColumn")}</th>
                    <th scope="col" className="p-2">{t("from")}</th>
                    <th scope="col" className="p-2">{t("status")}</th>
                    <th scope="col" className="p-2">{t("when")}</th>
                    <th scope="col" className="p-2 text-right">{t("figures.reached")}</th>
                    <th scope="col" className="p-2 text-right">{t("figures.emailsSent")}</th>
                    <th scope="col" className="p-2 text-right">{t("figures.emailsFailed")}</th>
                    <th scope="col" className="p-2 text-right">{t("figures.read")}</th>
                    <th scope="col" className="p-2 text-right">{t("figures.questions")}</th>
                    <th scope="col" className="p-2 text-right">{t("figures.answeredOnTime")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id} className="border-b border-slate-200" data-testid="desk-row" data-status={c.status}>
                      <td className="whitespace-nowrap p-2">{c.number ?? "—"}</td>
                      <td className="p-2">
                        <Link href={`/communiques/${c.id}`} className="font-semibold text-qc-blue underline">{c.title}</Link>
                      </td>
                      <td className="p-2">{sourceOf(c.source, c.organizationName)}</td>
                      <td className="p-2">
                        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${COMMUNIQUE_STATUS_STYLE[c.status] ?? ""}`}>{t(`statuses.${c.status}` as "statuses.draft")}</span>
                      </td>
                      <td className="whitespace-nowrap p-2">{c.sentAt ? formatDateTime(c.sentAt.getTime(), locale) : c.sendAt ? formatDateTime(c.sendAt.getTime(), locale) : formatDateTime(c.updatedAt.getTime(), locale)}</td>
                      <td className="p-2 text-right tabular-nums">{c.figures ? number(c.figures.reached) : "—"}</td>
                      <td className="p-2 text-right tabular-nums">{c.figures ? number(c.figures.emailsSent) : "—"}</td>
                      <td className="p-2 text-right tabular-nums">{c.figures ? number(c.figures.emailsFailed) : "—"}</td>
                      <td className="p-2 text-right tabular-nums">{c.figures ? number(c.figures.read) : "—"}</td>
                      <td className="p-2 text-right tabular-nums">{c.figures ? number(c.figures.questions) : "—"}</td>
                      <td className="p-2 text-right tabular-nums">{c.figures ? `${number(c.figures.answeredOnTime)} / ${number(c.figures.answered)}` : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      {!received && deskRows.length === 0 && <p className="mt-4">{t("nothing")}</p>}
    </>
  );
}
