// The satisfaction question where a requester reads their resolved request (the e-mail's link,
// the tracking page, their list's page): the form, or what they answered.
import { getTranslations } from "next-intl/server";
import { SatisfactionForm, type SatisfactionFormState, type SatisfactionFormText } from "@/components/satisfaction-form";
import type { Locale } from "@/i18n/routing";
import type { SatisfactionState } from "@/server/services/satisfaction";

export async function SatisfactionQuestion({ locale, number, state, action, heading = true }: { locale: Locale; number: string; state: SatisfactionState; action: (s: SatisfactionFormState, f: FormData) => Promise<SatisfactionFormState>; heading?: boolean }) {
  if (!state.asked) return null;
  const t = await getTranslations({ locale, namespace: "Satisfaction" });
  const text: SatisfactionFormText = {
    question: t("question", { number }),
    legend: t("legend"),
    yes: t("yes"),
    no: t("no"),
    comment: t("comment"),
    commentHint: t("commentHint"),
    send: t("send"),
    thanks: t("thanks"),
  };
  return (
    <section aria-labelledby={heading ? "avis-titre" : undefined} aria-label={heading ? undefined : t("title")} className="mt-8 rounded border border-qc-blue p-4" data-testid="satisfaction">
      {heading && <h2 id="avis-titre" className="text-2xl font-semibold text-qc-navy">{t("title")}</h2>}
      {state.answered ? (
        <p className="mt-2" data-testid="satisfaction-answered">
          {t("already")} {t(state.satisfied ? "answeredYes" : "answeredNo")}
        </p>
      ) : (
        <>
          <p className="mt-1 text-slate-700">{t("intro")}</p>
          <div className="mt-3">
            <SatisfactionForm action={action} text={text} />
          </div>
        </>
      )}
    </section>
  );
}
