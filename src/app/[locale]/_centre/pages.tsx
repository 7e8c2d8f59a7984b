// Private folder (not a route). The MO pages of both centres (request list, request detail) in one place; the routes under
// /dotation and /sagir only name their centre.
import { SatisfactionQuestion } from "@/components/satisfaction-question";
import { readSatisfaction } from "@/server/services/satisfaction";
import { answerSatisfactionAction } from "../avis/actions";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { CentreRefusal } from "@/components/centre/centre-refusal";
import { CentreRequestDetail } from "@/components/centre/centre-request-detail";
import { CentreRequestList } from "@/components/centre/centre-request-list";
import { CENTRE_UI } from "@/components/centre/centre-ui";
import type { MoCentre } from "@/domain/requests/mo-request";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { replyAsMo } from "./actions";
import { centreAccess, type OrganizationUser } from "@/server/auth/authorize";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { getMoRequest } from "@/server/services/read-mo-requests";

/** The signed-in MO user who may use the centre, or the page to show instead (sign-in or refusal). */
export async function centrePageUser(locale: Locale, centre: MoCentre, title: string): Promise<{ user: OrganizationUser } | { page: React.ReactElement }> {
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const access = centreAccess(user, centre);
  if (access === "granted") return { user: user as OrganizationUser };
  return {
    page: (
      <>
        <h1 className="text-3xl font-bold text-qc-navy">{title}</h1>
        <CentreRefusal locale={locale} centre={centre} access={access} />
      </>
    ),
  };
}

type ListProps = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ avant?: string; no?: string; q?: string; statut?: string }> };

export function centreListMetadata(centre: MoCentre) {
  return async ({ params }: ListProps): Promise<Metadata> => {
    const { locale } = await params;
    return { title: (await getTranslations({ locale, namespace: CENTRE_UI[centre].ns }))("listTitle"), robots: { index: false } };
  };
}

export function centreListPage(centre: MoCentre) {
  return async function CentreListPage({ params, searchParams }: ListProps) {
    const { locale } = await params;
    const { avant, no, q, statut } = await searchParams;
    setRequestLocale(locale);
    const title = (await getTranslations(CENTRE_UI[centre].ns))("listTitle");
    const gate = await centrePageUser(locale, centre, title);
    if ("page" in gate) return gate.page;
    return <CentreRequestList locale={locale} centre={centre} user={gate.user} avant={avant} no={no} q={q} statut={statut} />;
  };
}

type DetailProps = { params: Promise<{ locale: Locale; number: string }>; searchParams: Promise<{ nouvelle?: string }> };

export async function centreDetailMetadata({ params }: DetailProps): Promise<Metadata> {
  const { number } = await params;
  return { title: number, robots: { index: false } };
}

export function centreDetailPage(centre: MoCentre) {
  return async function CentreDetailPage({ params, searchParams }: DetailProps) {
    const { locale, number } = await params;
    const { nouvelle } = await searchParams;
    setRequestLocale(locale);
    const gate = await centrePageUser(locale, centre, number);
    if ("page" in gate) return gate.page;
    // Another MO's request: "not found", so numbers cannot be probed.
    const request = await getMoRequest({ user: gate.user, centre, number, locale, readAt: await getNow() }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
    // The satisfaction question, to the request's own requester once it is resolved.
    const satisfaction = await readSatisfaction({ user: gate.user, number: request.number }).catch(() => null);
    return (
      <>
        <CentreRequestDetail
          locale={locale}
          centre={centre}
          request={request}
          justCreated={nouvelle === "1"}
          replyAction={replyAsMo.bind(null, locale, centre, request.number)}
        />
        {satisfaction && (
          <SatisfactionQuestion
            locale={locale}
            number={request.number}
            state={satisfaction.state}
            action={answerSatisfactionAction.bind(null, locale, { number: request.number })}
          />
        )}
      </>
    );
  };
}
