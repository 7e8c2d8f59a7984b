// GET /api/console/current-calls?locale=fr — the agent's screen pop (« Appel en cours »), polled by
// their console every few seconds: the calls the telephone system says they answered and that they
// have not settled yet, with the caller's latest requests. The signed-in agent's own only.
import { NextResponse, type NextRequest } from "next/server";
import { AUDIENCE_LABELS } from "@/domain/catalogue/default-catalogue";
import { formatShortDateTime, formatTime } from "@/i18n/format";
import { routing, type Locale } from "@/i18n/routing";
import { requireUser } from "@/server/auth/authorize";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { handleRoute, otherMethods } from "@/server/http/route-handler";
import { readCurrentCalls } from "@/server/services/call-events";
import { requestTypeText } from "@/app/[locale]/console/labels";

/** What the pop shows, formatted on the server (in the centres' time zone, not the browser's). */
export type CurrentCallView = {
  id: string;
  settleHref: string;
  audience: string;
  caller: string | null;
  answeredAt: string;
  waitSeconds: number;
  ongoing: boolean;
  met: boolean | null;
  past: { number: string; href: string; subject: string; status: string; type: string; receivedAt: string }[];
};

export function GET(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const user = requireUser(await getCurrentUser());
    const asked = request.nextUrl.searchParams.get("locale");
    const locale: Locale = (routing.locales as readonly string[]).includes(asked ?? "") ? (asked as Locale) : routing.defaultLocale;
    const { calls, more } = await readCurrentCalls({ user, now: await getNow() });
    const views: CurrentCallView[] = calls.map((c) => ({
      id: c.id,
      settleHref: `/${locale}/console/${c.serviceId}/appel?appel=${c.id}`,
      audience: AUDIENCE_LABELS[c.audienceId]?.[locale] ?? c.audienceId,
      caller: c.caller,
      answeredAt: formatTime(c.answeredAt.getTime(), locale),
      waitSeconds: c.waitSeconds,
      ongoing: c.ongoing,
      met: c.met,
      past: c.pastRequests.map((r) => ({
        number: r.number,
        href: `/${locale}/console/requetes/${r.number}`,
        subject: r.subject,
        status: r.status,
        type: requestTypeText(c.serviceId, r.type, locale),
        receivedAt: formatShortDateTime(r.receivedAt.getTime(), locale),
      })),
    }));
    return NextResponse.json({ calls: views, more }, { headers: { "Cache-Control": "no-store" } });
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
