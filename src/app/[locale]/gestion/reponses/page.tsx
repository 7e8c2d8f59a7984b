import { setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { managerOf } from "../gate";

export const dynamic = "force-dynamic";

/** The canned replies of the manager's first service. */
export default async function CannedRepliesIndex({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { services } = await managerOf(locale);
  return redirect({ href: `/gestion/reponses/${services[0]}`, locale });
}
