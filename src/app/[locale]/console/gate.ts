import "server-only";
// Who may open the console: a signed-in agent (others: sign in, or "not found").
import { notFound } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser, type CurrentUser } from "@/server/auth/current-user";

export async function consoleAgent(locale: Locale, serviceId?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  if (user.role !== "agent" || user.services.length === 0) notFound();
  if (serviceId !== undefined && !user.services.includes(serviceId)) notFound();
  return user;
}
