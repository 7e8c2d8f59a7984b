import "server-only";
// Who may open the managers' pages: a signed-in manager of the service, or the admin (others:
// sign in, or "not found", so a page does not tell who may see it).
import { notFound } from "next/navigation";
import { SERVICE_IDS } from "@/domain/catalogue/types";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { isManagerOf, managedServices } from "@/server/auth/authorize";
import { getCurrentUser, type CurrentUser } from "@/server/auth/current-user";

export async function managerOf(locale: Locale, serviceId?: string): Promise<{ user: CurrentUser; services: string[] }> {
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/connexion", locale });
  const services = managedServices(user, SERVICE_IDS);
  if (services.length === 0) notFound();
  if (serviceId !== undefined && !isManagerOf(user, serviceId)) notFound();
  return { user, services };
}
