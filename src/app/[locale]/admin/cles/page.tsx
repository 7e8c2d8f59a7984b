import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ApiKeyForm, RevokeApiKeyForm } from "@/components/admin/api-key-form";
import { getZone, isoDateFromDayNumber } from "@/domain/catalogue/zone";
import { formatDate, formatShortDateTime } from "@/i18n/format";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { listApiKeys } from "@/server/services/administer-api-keys";
import { getCatalogue } from "@/server/services/get-catalogue";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "AdminKeys" }))("title"), robots: { index: false } };
}

const STATE_CLASS = { active: "bg-ok-pale text-slate-900", expired: "bg-slate-200 text-slate-900", revoked: "bg-slate-700 text-white" } as const;

/** The admin's keys for integrations: what each may do, until when, its last use; a new key; revocation. */
export default async function ApiKeysPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  if (user.role !== "admin") notFound();
  const now = await getNow();
  const [t, keys, { profiles }] = await Promise.all([getTranslations("AdminKeys"), listApiKeys({ user, now }), getCatalogue()]);
  const serviceName = (id: string) => profiles.find((p) => p.serviceId === id)?.shortName[locale] ?? id;
  const scopeLabel = (scope: (typeof keys)[number]["scope"]) => (scope.kind === "requests_read" ? t("scopes.requests_read", { service: serviceName(scope.serviceId) }) : t("scopes.call_events"));
  const today = getZone("America/Toronto").dayOf(now.getTime());
  const at = (d: Date) => formatShortDateTime(d.getTime(), locale);
  const colon = locale === "fr" ? " : " : ": ";
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-2 max-w-4xl text-slate-700">{t("intro")}</p>
      <section className="mt-6" aria-labelledby="cles">
        <h2 id="cles" className="text-2xl font-semibold text-qc-navy">
          {t("keys", { count: keys.length })}
        </h2>
        {keys.length > 0 && (
          <div className="mt-3 relative overflow-x-auto">
            <table className="w-full border-collapse text-left" data-testid="api-keys">
              <thead className="hidden md:table-header-group">
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="py-2 pr-4">{t("name")}</th>
                  <th scope="col" className="py-2 pr-4">{t("scope")}</th>
                  <th scope="col" className="py-2 pr-4">{t("state")}</th>
                  <th scope="col" className="py-2 pr-4">{t("expires")}</th>
                  <th scope="col" className="py-2 pr-4">{t("lastUse")}</th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">{t("revoke")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id} className="block border-b border-slate-200 py-2 align-top md:table-row md:py-0" data-testid={`api-key-${k.prefix}`}>
                    <td className="block py-1 pr-4 md:table-cell md:py-3">
                      <span className="font-semibold">{k.name}</span>
                      <br />
                      <code className="text-sm text-slate-700">gk_{k.prefix}_…</code>
                      <br />
                      <span className="text-sm text-slate-700">{t("createdText", { at: at(k.createdAt), by: k.createdBy })}</span>
                    </td>
                    <td className="block py-1 pr-4 md:table-cell md:py-3">{scopeLabel(k.scope)}</td>
                    <td className="block py-1 pr-4 md:table-cell md:py-3">
                      <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATE_CLASS[k.state]}`}>{t(`states.${k.state}`)}</span>
                      {k.revokedAt && <span className="mt-1 block text-sm text-slate-700">{t("revokedText", { at: at(k.revokedAt), by: k.revokedBy ?? "—" })}</span>}
                    </td>
                    <td className="block py-1 pr-4 md:table-cell md:py-3">
                      <span className="font-semibold md:hidden">{t("expires")}{colon}</span>
                      {formatDate(k.expiresAt.getTime() - 60_000, locale)}
                    </td>
                    <td className="block py-1 pr-4 md:table-cell md:py-3">
                      <span className="font-semibold md:hidden">{t("lastUse")}{colon}</span>
                      <span data-testid="last-use">{k.lastUsedAt ? t("lastUseText", { at: at(k.lastUsedAt), from: k.lastUsedFrom ?? "—", uses: k.uses }) : t("never")}</span>
                    </td>
                    <td className="block py-1 md:table-cell md:py-3">{k.state === "active" && <RevokeApiKeyForm action={revokeApiKeyAction.bind(null, locale, k.id)} name={k.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="mt-8 border-t border-slate-300 pt-6" aria-labelledby="nouvelle-cle">
        <h2 id="nouvelle-cle" className="text-2xl font-semibold text-qc-navy">{t("newTitle")}</h2>
        <ApiKeyForm
          action={createApiKeyAction.bind(null, locale)}
          scopes={[
            { value: "call_events", label: t("scopes.call_events") },
            ...profiles.map((p) => ({ value: `requests_read:${p.serviceId}`, label: t("scopes.requests_read", { service: p.shortName[locale] }) })),
          ]}
          defaultExpiry={isoDateFromDayNumber(today + 365)}
        />
      </section>
    </>
  );
}
