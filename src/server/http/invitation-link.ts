import "server-only";
import type { InviteFormState } from "@/components/invite-form";
import { formatDateTime } from "@/i18n/format";
import type { Locale } from "@/i18n/routing";
import { publicBaseUrl } from "@/server/http/public-url";
import type { Invitation } from "@/server/services/manage-members";

/** A fresh invitation as the inviter's page shows it once: the link, and until when it works. */
export async function invitationLinkOf(locale: Locale, name: string, invitation: Invitation): Promise<InviteFormState["invitation"]> {
  const prefix = locale === "en" ? "/en" : "";
  // « Valide jusqu'au samedi 5 décembre… »: the date without its article.
  return { name, url: `${await publicBaseUrl()}${prefix}/invitation/${invitation.token}`, expires: formatDateTime(invitation.expiresAt.getTime(), locale).replace(/^le /, "") };
}
