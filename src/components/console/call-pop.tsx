"use client";
// The screen pop (« Appel en cours »): the calls the telephone system says this agent answered and
// that they have not settled, polled every few seconds from /api/console/current-calls (skipped while
// the tab is hidden), with the caller's latest requests and the way to settle the call. Shown above
// every console page; announced politely to screen readers when a new call comes.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { CurrentCallView } from "@/app/api/console/current-calls/route";
import { clockDuration, spokenDuration } from "@/domain/telephony/duration";

const EVERY_MS = 4_000;

export function CallPop() {
  const t = useTranslations("Console.pop");
  const status = useTranslations("Console.statuses");
  const locale = useLocale();
  const [{ calls, more }, setPop] = useState<{ calls: CurrentCallView[]; more: number }>({ calls: [], more: 0 });

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState === "hidden") return;
      try {
        const response = await fetch(`/api/console/current-calls?locale=${locale}`, { cache: "no-store", credentials: "same-origin" });
        if (!response.ok) return;
        const body = (await response.json()) as { calls: CurrentCallView[]; more: number };
        if (!stopped) setPop(body);
      } catch {
        // The next poll tries again (a network blip must not break the console).
      }
    };
    void poll();
    const id = setInterval(poll, EVERY_MS);
    document.addEventListener("visibilitychange", poll);
    return () => {
      stopped = true;
      clearInterval(id);
      document.removeEventListener("visibilitychange", poll);
    };
  }, [locale]);

  return (
    <div aria-live="polite" className="mb-4 empty:hidden">
      {calls.map((call) => (
        <section key={call.id} aria-labelledby={`appel-${call.id}`} data-testid="call-pop" className="mb-3 rounded border-2 border-qc-blue bg-sky-50 p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id={`appel-${call.id}`} className="text-xl font-bold text-qc-navy">
              {call.ongoing ? t("title") : t("ended")}
              <span className="sr-only"> — </span>
              <span className="ml-3 text-base font-normal text-slate-800">
                {call.audience} · {call.caller ?? t("unknownCaller")}
              </span>
            </h2>
            <a href={call.settleHref} className="rounded bg-qc-blue px-3 py-1.5 font-semibold text-white underline-offset-2 hover:underline focus:outline-2 focus:outline-offset-2">
              {t("settle")}
            </a>
          </div>
          <p className="mt-1">
            {t("answered", { time: call.answeredAt })}{" "}
            <span aria-hidden="true">{clockDuration(call.waitSeconds)}</span>
            <span className="sr-only">{spokenDuration(call.waitSeconds)}</span>
            {call.met !== null && (
              <span className={`ml-2 rounded px-2 py-0.5 text-sm font-semibold ${call.met ? "bg-ok-pale text-ok" : "bg-closed-pale text-closed"}`}>{call.met ? t("met") : t("missed")}</span>
            )}
          </p>
          {call.caller !== null &&
            (call.past.length ? (
              <div className="mt-2">
                <h3 className="font-semibold">{t("past")}</h3>
                <ul className="mt-1 grid gap-x-6 gap-y-1 lg:grid-cols-2">
                  {call.past.map((r) => (
                    <li key={r.number}>
                      <a href={r.href} className="font-mono text-qc-blue underline">
                        {r.number}
                      </a>{" "}
                      {r.subject} <span className="text-sm text-slate-700">— {r.type} · {status(r.status)} · {r.receivedAt}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="mt-2 text-slate-700">{t("noPast")}</p>
            ))}
        </section>
      ))}
      {more > 0 && <p className="font-semibold">{t("more", { count: more })}</p>}
    </div>
  );
}
