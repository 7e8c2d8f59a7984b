// GET /api/console/guides?service=&q=&locale= — the published articles an agent may insert in a
// reply to a request of a service (searched, or the latest), with their address and plain text.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/server/auth/current-user";
import { handleRoute, otherMethods, parseSearchParams } from "@/server/http/route-handler";
import { localePath } from "@/i18n/locale-path";
import { mailBaseUrl } from "@/server/mail/settings";
import { guidesForReply } from "@/server/services/guides";

const ZQuery = z.object({
  service: z.string({ error: "choice.invalid" }).max(40, { error: "choice.invalid" }),
  q: z.string().trim().max(200, { error: "guide.query" }).default(""),
  locale: z.enum(["fr", "en"], { error: "choice.invalid" }).default("fr"),
});

export function GET(request: NextRequest): Promise<Response> {
  return handleRoute(async () => {
    const query = parseSearchParams(ZQuery, request.nextUrl.searchParams, ["service", "q", "locale"]);
    const guides = await guidesForReply({ user: await getCurrentUser(), serviceId: query.service, query: query.q, locale: query.locale });
    // The address the requester will open from the reply (an e-mail): the e-mails' base.
    const base = mailBaseUrl();
    return NextResponse.json(
      { guides: guides.map((g) => ({ id: g.id, title: g.title, url: `${base}${localePath(`/guides/${g.slug}`, query.locale)}`, text: g.text })) },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
