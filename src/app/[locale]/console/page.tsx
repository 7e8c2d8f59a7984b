import { setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { consoleAgent } from "./gate";

export const dynamic = "force-dynamic";

/** The console opens on the queue of the agent's first service. */
export default async function ConsoleHome({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const agent = await consoleAgent(locale);
  return redirect({ href: `/console/${agent.services[0]}`, locale });
}
