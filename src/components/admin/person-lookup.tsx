"use client";
// The admin's page for a person's request about their information: the address typed once; what
// is held under it; the JSON export downloaded by the browser, or the same export as a readable
// statement (to print, or save as PDF, from the browser); the erasure after a confirmation.
import { useState, useTransition } from "react";
import type { ActionResult } from "@/server/http/server-action";
import type { PersonExport, PersonSummary } from "@/server/services/person-data";

export type PersonLookupLabels = {
  email: string;
  search: string;
  none: string;
  account: string;
  noAccount: string;
  requests: string;
  columns: { number: string; service: string; status: string; received: string; closed: string; erased: string; messages: string; files: string };
  statuses: Record<string, string>;
  services: Record<string, string>;
  export: string;
  readable: string;
  statement: {
    title: string;
    exportedAt: string;
    print: string;
    role: string;
    organization: string;
    created: string;
    subject: string;
    internal: string;
    from: Record<string, string>;
    attachments: string;
    emailsReceived: string;
    /** « : » in French, ": " in English. */
    sep: string;
    bytes: string;
    roles: Record<string, string>;
  };
  erase: string;
  eraseQuestion: string;
  confirm: string;
  cancel: string;
  erasedDone: string;
  openLeft: string;
  yes: string;
};

type Actions = {
  lookUp: (form: FormData) => Promise<ActionResult<PersonSummary>>;
  exportJson: (form: FormData) => Promise<ActionResult<string>>;
  erase: (form: FormData) => Promise<ActionResult<{ erased: string[]; open: string[]; summary: PersonSummary }>>;
};

const date = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export function PersonLookup({ labels, actions }: { labels: PersonLookupLabels; actions: Actions }) {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [summary, setSummary] = useState<PersonSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [statement, setStatement] = useState<PersonExport | null>(null);
  const [pending, start] = useTransition();
  const form = () => {
    const data = new FormData();
    data.set("email", summary?.email ?? email);
    return data;
  };
  const fail = (result: { message: string; fieldErrors: Record<string, string> }) => {
    setError(result.message);
    setFieldError(result.fieldErrors.email ?? null);
  };
  /** The export (audited on the server), then what to do with its JSON: download it or show it. */
  const exportThen = (use: (json: string) => void) =>
    start(async () => {
      const result = await actions.exportJson(form());
      if (!result.ok) return fail(result);
      use(result.data);
    });

  return (
    <div className="mt-4 space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setNotice(null);
          setConfirming(false);
          start(async () => {
            const result = await actions.lookUp(form());
            if (result.ok) {
              setSummary(result.data);
              setError(null);
              setFieldError(null);
            } else {
              setSummary(null);
              fail(result);
            }
          });
        }}
      >
        <div>
          <label htmlFor="person-email" className="block font-semibold">{labels.email}</label>
          <input
            id="person-email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "person-email-error" : undefined}
            className="mt-1 w-80 max-w-full rounded border border-slate-500 px-3 py-2 aria-[invalid=true]:border-closed"
          />
          {fieldError && <p id="person-email-error" className="mt-1 text-sm font-semibold text-closed">{fieldError}</p>}
        </div>
        <button type="submit" disabled={pending} className="rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy disabled:opacity-60">{labels.search}</button>
      </form>
      {error && <p role="alert" className="rounded border-l-4 border-closed bg-closed-pale p-3 font-semibold text-closed">{error}</p>}
      {notice && <p role="status" className="whitespace-pre-line rounded border-l-4 border-ok bg-ok-pale p-3" data-testid="person-notice">{notice}</p>}
      {summary && (
        <section aria-label={summary.email} data-testid="person-summary" className="space-y-3">
          <p>
            <span className="font-semibold">{labels.account} : </span>
            {summary.account ? `${summary.account.name} — ${summary.account.role}${summary.account.organization ? ` — ${summary.account.organization}` : ""}` : labels.noAccount}
          </p>
          {summary.requests.length === 0 ? (
            <p>{labels.none}</p>
          ) : (
            <div className="relative overflow-x-auto" tabIndex={0} role="group" aria-label={labels.requests}>
              <table className="w-full min-w-[48rem] border-collapse text-left text-sm" data-testid="person-requests">
                <caption className="sr-only">{labels.requests}</caption>
                <thead>
                  <tr className="border-b-2 border-qc-navy">
                    {Object.values(labels.columns).map((c) => <th key={c} scope="col" className="py-1 pr-3">{c}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {summary.requests.map((r) => (
                    <tr key={r.number} className="border-b border-slate-200">
                      <th scope="row" className="py-1 pr-3 font-semibold">{r.number}</th>
                      <td className="py-1 pr-3">{labels.services[r.serviceId] ?? r.serviceId}</td>
                      <td className="py-1 pr-3">{labels.statuses[r.status] ?? r.status}</td>
                      <td className="py-1 pr-3">{date(r.receivedAt)}</td>
                      <td className="py-1 pr-3">{date(r.closedAt)}</td>
                      <td className="py-1 pr-3">{r.erasedAt ? date(r.erasedAt) : "—"}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{r.messages}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{r.files}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              disabled={pending}
              className="rounded border border-qc-blue bg-white px-4 py-2 font-semibold text-qc-blue hover:bg-qc-pale"
              onClick={() =>
                exportThen((json) => {
                  const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
                  const link = document.createElement("a");
                  link.href = url;
                  link.download = "renseignements-personnels.json";
                  link.click();
                  URL.revokeObjectURL(url);
                })
              }
            >
              {labels.export}
            </button>
            <button
              type="button"
              disabled={pending}
              className="rounded border border-qc-blue bg-white px-4 py-2 font-semibold text-qc-blue hover:bg-qc-pale"
              // The same export (audited as one), shown as a statement to print or save as PDF.
              onClick={() => exportThen((json) => setStatement(JSON.parse(json) as PersonExport))}
            >
              {labels.readable}
            </button>
            {!confirming ? (
              <button type="button" className="rounded border border-closed bg-white px-4 py-2 font-semibold text-closed hover:bg-closed-pale" onClick={() => setConfirming(true)}>
                {labels.erase}
              </button>
            ) : (
              <span role="group" aria-label={labels.eraseQuestion} className="flex flex-wrap items-center gap-2 rounded border border-closed p-2">
                <span className="font-semibold">{labels.eraseQuestion}</span>
                <button
                  type="button"
                  disabled={pending}
                  className="rounded bg-closed px-3 py-1 font-semibold text-white"
                  onClick={() =>
                    start(async () => {
                      const result = await actions.erase(form());
                      setConfirming(false);
                      if (!result.ok) return fail(result);
                      setSummary(result.data.summary);
                      setNotice([labels.erasedDone.replace("{count}", String(result.data.erased.length)), ...(result.data.open.length ? [labels.openLeft.replace("{numbers}", result.data.open.join(", "))] : [])].join("\n"));
                    })
                  }
                >
                  {labels.confirm}
                </button>
                <button type="button" className="rounded border border-slate-500 px-3 py-1" onClick={() => setConfirming(false)}>{labels.cancel}</button>
              </span>
            )}
          </div>
        </section>
      )}
      {statement && <Statement statement={statement} labels={labels} />}
    </div>
  );
}

/** The export as a readable statement: the account, then each request with its messages and files. */
function Statement({ statement, labels }: { statement: PersonExport; labels: PersonLookupLabels }) {
  const l = labels.statement;
  const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "—");
  return (
    <section aria-labelledby="statement-title" className="space-y-4 rounded border border-slate-300 p-4" data-testid="statement">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="statement-title" className="text-2xl font-semibold text-qc-navy">
          {l.title} — {statement.email}
        </h2>
        <button type="button" onClick={() => window.print()} className="rounded border border-qc-blue px-4 py-2 font-semibold text-qc-blue hover:bg-qc-pale print:hidden">
          {l.print}
        </button>
      </div>
      <p>
        {l.exportedAt} {when(statement.exportedAt)} (UTC)
      </p>
      <div>
        <h3 className="text-xl font-semibold">{labels.account}</h3>
        {statement.account ? (
          <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4">
            <dt className="font-semibold">{labels.email}</dt>
            <dd>{statement.account.name} &lt;{statement.account.email}&gt;</dd>
            <dt className="font-semibold">{l.role}</dt>
            <dd>{l.roles[statement.account.role] ?? statement.account.role}</dd>
            <dt className="font-semibold">{l.organization}</dt>
            <dd>{statement.account.organization ?? "—"}</dd>
            <dt className="font-semibold">{l.created}</dt>
            <dd>{when(statement.account.createdAt)}</dd>
          </dl>
        ) : (
          <p>{labels.noAccount}</p>
        )}
      </div>
      {statement.requests.map((r) => (
        <article key={r.number} className="border-t border-slate-300 pt-3" aria-labelledby={`statement-${r.number}`}>
          <h3 id={`statement-${r.number}`} className="text-xl font-semibold">
            {r.number} — {labels.services[r.serviceId] ?? r.serviceId} — {labels.statuses[r.status] ?? r.status}
          </h3>
          <p>
            {l.subject}{l.sep}{r.subject ?? "—"} · {labels.columns.received} {when(r.receivedAt)} · {labels.columns.closed} {when(r.closedAt)}
            {r.personalDataErasedAt && ` · ${labels.columns.erased} ${when(r.personalDataErasedAt)}`}
          </p>
          <ol className="mt-2 space-y-2">
            {r.messages.map((m, i) => (
              <li key={i} className="rounded bg-slate-50 p-2">
                <p className="text-sm font-semibold">
                  {when(m.at)} — {l.from[m.from] ?? m.from}
                  {m.visibility === "internal" && ` (${l.internal})`}
                </p>
                <p className="whitespace-pre-wrap">{m.body}</p>
                {m.attachments.length > 0 && (
                  <p className="text-sm">
                    {l.attachments}{l.sep}{m.attachments.map((a) => `${a.filename} (${a.size} ${l.bytes})`).join(", ")}
                  </p>
                )}
              </li>
            ))}
          </ol>
          {r.emailsReceived.length > 0 && (
            <p className="mt-1 text-sm">
              {l.emailsReceived}{l.sep}{r.emailsReceived.map((e) => when(e.receivedAt)).join(", ")}
            </p>
          )}
        </article>
      ))}
    </section>
  );
}
