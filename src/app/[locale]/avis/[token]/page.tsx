import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { SatisfactionQuestion } from "@/components/satisfaction-question";
import type { Locale } from "@/i18n/routing";
import { toAppError } from "@/server/errors";
import { readSatisfaction, type SatisfactionView } from "@/server/services/satisfaction";
import { answerSatisfactionAction } from "../actions";

export const dynamic = "force-dynamic";

// A private link: never indexed, never sent as a referrer.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ locale: Locale; token: string }> };

/** The resolution e-mail's single-use link: the one question, without signing in. */
export default async function SatisfactionPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  let view: SatisfactionView;
  try {
    view = await readSatisfaction({ link: token });
  } catch (error) {
    if (toAppError(error).code === "NOT_FOUND") notFound();
    throw error;
  }
  const t = await getTranslations("Satisfaction");
  return (
    <>
      <h1 className="text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <SatisfactionQuestion locale={locale} number={view.number} state={view.state} heading={false} action={answerSatisfactionAction.bind(null, locale, { link: token })} />
    </>
  );
}
