import { setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { guideWriterOf } from "./gate";

export const dynamic = "force-dynamic";

/** The guides of the writer's first service. */
export default async function GuidesDeskIndex({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { services } = await guideWriterOf(locale);
  return redirect({ href: `/gestion/guides/${services[0]}`, locale });
}
