import { phoneText } from "@/i18n/phone";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { InquiryForm, type TopicOption } from "@/components/inquiry-form";
import { INQUIRY_FORM_TEXT_KEYS, type InquiryFormText } from "@/components/inquiry-form-text";
import { CANDIDATE_TOPICS, guardCandidateTopic, TOPIC_LABELS } from "@/domain/requests/candidate-inquiry";
import { describeOpenStatus } from "@/components/open-status";
import { formatDateTime } from "@/i18n/format";
import { LocaleLink } from "@/components/locale-link";
import type { Locale } from "@/i18n/routing";
import { SuggestedGuides } from "@/components/suggested-guides";
import { getNow } from "@/server/clock";
import { getAudiencePage } from "@/server/services/get-service-page";
import { submitInquiry } from "./actions";

// Live information (status of the phone line, answer-by date): rendered for each request.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: Locale; service: string; audience: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Inquiry" }))("title") };
}

export default async function WritePage({ params }: { params: Params }) {
  const { locale, service, audience } = await params;
  // Only candidates write this way; MO and SAGIR users use their forms once signed in.
  if (service !== "ca-dotation" || audience !== "candidate") notFound();
  setRequestLocale(locale);
  const now = await getNow();
  const page = await getAudiencePage(service, audience, now);
  if (!page) notFound();
  const t = await getTranslations("Inquiry");
  const tf = await getTranslations("Forms");
  const text = Object.fromEntries(INQUIRY_FORM_TEXT_KEYS.map((key) => [key, key === "files" || key === "filesHint" ? tf(key) : t(key)])) as InquiryFormText;
  const phones = page.audience.contacts.filter((c) => c.kind === "phone" && c.value).map((c) => phoneText(c.value!, locale));
  const { state, detail } = await describeOpenStatus(page.status, now, locale);
  const lineStatus = `${state} — ${detail}`;
  const topics: TopicOption[] = CANDIDATE_TOPICS.map((value) => {
    const guard = guardCandidateTopic(value);
    return {
      value,
      label: TOPIC_LABELS[value][locale],
      guard: guard.kind === "out-of-scope" ? { kind: "out-of-scope", message: guard.redirect[locale] } : { kind: guard.kind },
    };
  });
  const due = page.writeNow[0];
  return (
    <>
      <p>
        <LocaleLink locale={locale} href="/services/ca-dotation/candidate" className="text-qc-blue underline underline-offset-2">
          {page.service.name[locale]}
        </LocaleLink>
      </p>
      <h1 className="mt-3 text-3xl font-bold text-qc-navy">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-slate-700">{t("intro")}</p>
      {due && (
        <p className="mt-3 max-w-3xl rounded border border-qc-blue bg-qc-pale p-3" data-testid="due-note">
          {t("dueNote", { moment: formatDateTime(due.dueAt, locale) })}
        </p>
      )}
      <InquiryForm text={text} action={submitInquiry.bind(null, locale)} topics={topics} phones={phones} lineStatus={lineStatus} suggestions={<SuggestedGuides locale={locale} serviceId="ca-dotation" audienceId="candidate" />} />
    </>
  );
}
