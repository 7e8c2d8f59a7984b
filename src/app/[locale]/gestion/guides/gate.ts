import "server-only";
// Who may open the guides' writing desk: a service's agents and managers (the admin too); others
// sign in, or get "not found".
import { notFound } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { getCurrentUser, type CurrentUser } from "@/server/auth/current-user";
import { guideDeskServices, writesGuidesOf } from "@/server/services/guides";

export async function guideWriterOf(locale: Locale, serviceId?: string): Promise<{ user: CurrentUser; services: string[] }> {
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const services = guideDeskServices(user);
  if (services.length === 0) notFound();
  if (serviceId !== undefined && !writesGuidesOf(user, serviceId)) notFound();
  return { user, services };
}
