import "server-only";
// The satisfaction answers of a service's requests asked in a period, grouped in SQL by the
// request's audience and channel and the agent who resolved it; the comments, latest first.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";

export type SatisfactionScope = { serviceId: string; from: Date; to: Date; audienceId?: string | undefined; channel?: string | undefined };

export type SatisfactionGroupRow = { audience_id: string; channel: string; agent_id: string | null; agent_name: string | null; asked: number; answered: number; satisfied: number };
export type SatisfactionCommentRow = { answered_at: Date; number: string; audience_id: string; channel: string; agent_name: string | null; satisfied: boolean; comment: string };

function where(scope: SatisfactionScope): Prisma.Sql {
  return Prisma.sql`r."service_id" = ${scope.serviceId} AND s."asked_at" >= ${scope.from} AND s."asked_at" < ${scope.to}
    ${scope.audienceId ? Prisma.sql`AND r."audience_id" = ${scope.audienceId}` : Prisma.empty}
    ${scope.channel ? Prisma.sql`AND r."channel" = ${scope.channel}` : Prisma.empty}`;
}

export async function satisfactionGroups(db: Db, scope: SatisfactionScope): Promise<SatisfactionGroupRow[]> {
  return db.$queryRaw<SatisfactionGroupRow[]>`
    SELECT r."audience_id", r."channel", s."agent_id", u."name" AS agent_name,
           count(*)::int AS asked, count(s."answered_at")::int AS answered, (count(*) FILTER (WHERE s."satisfied"))::int AS satisfied
    FROM "request_satisfaction" s JOIN "request" r ON r."id" = s."request_id" LEFT JOIN "app_user" u ON u."id" = s."agent_id"
    WHERE ${where(scope)}
    GROUP BY 1, 2, 3, 4`;
}

export async function satisfactionComments(db: Db, scope: SatisfactionScope, limit: number): Promise<SatisfactionCommentRow[]> {
  return db.$queryRaw<SatisfactionCommentRow[]>`
    SELECT s."answered_at", r."number", r."audience_id", r."channel", u."name" AS agent_name, s."satisfied", s."comment"
    FROM "request_satisfaction" s JOIN "request" r ON r."id" = s."request_id" LEFT JOIN "app_user" u ON u."id" = s."agent_id"
    WHERE ${where(scope)} AND s."comment" IS NOT NULL AND s."answered_at" IS NOT NULL
    ORDER BY s."answered_at" DESC
    LIMIT ${limit}`;
}

/** Per published or archived article of a service (and audience), its suggestions, openings and « answered » in a period. */
export type GuideFigureRow = { id: string; slug: string; audience_id: string; title: string; status: string; suggested: number; opened: number; answered: number };

export async function guideFigures(db: Db, { serviceId, audienceId, from, to }: { serviceId: string; audienceId?: string | undefined; from: Date; to: Date }): Promise<GuideFigureRow[]> {
  return db.$queryRaw<GuideFigureRow[]>`
    SELECT a."id", a."slug", a."audience_id", coalesce(a."title_fr", '') AS title, a."status",
           (count(*) FILTER (WHERE e."kind" = 'suggested'))::int AS suggested,
           (count(*) FILTER (WHERE e."kind" = 'opened'))::int AS opened,
           (count(*) FILTER (WHERE e."kind" = 'answered'))::int AS answered
    FROM "guide_article" a JOIN "guide_event" e ON e."article_id" = a."id" AND e."at" >= ${from} AND e."at" < ${to}
    WHERE a."service_id" = ${serviceId} ${audienceId ? Prisma.sql`AND a."audience_id" = ${audienceId}` : Prisma.empty}
    GROUP BY a."id"
    ORDER BY answered DESC, suggested DESC, title`;
}
