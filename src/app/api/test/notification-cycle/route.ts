// End-to-end tests only (GUICHET_TEST_CLOCK=1; "not found" otherwise): runs one notification
// cycle at the caller's fixed "now" (the guichet-now cookie) — the e2e server runs without the
// background worker, whose real clock would not match the tests' instants.
import { NextResponse } from "next/server";
import { getNow } from "@/server/clock";
import { isTestClockEnabled } from "@/server/env";
import { runAppNotificationCycle } from "@/server/services/notifications";
import { runAppCommuniqueCycle } from "@/server/services/communiques";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (!isTestClockEnabled()) return NextResponse.json({ error: { code: "NOT_FOUND" } }, { status: 404 });
  const now = await getNow();
  // The communiqués' cycle first (their e-mails are then sent by the notification cycle's outbox step).
  const communiques = await runAppCommuniqueCycle(now);
  const result = await runAppNotificationCycle(now, new URL(request.url).origin);
  return NextResponse.json({ ...result, communiques });
}
