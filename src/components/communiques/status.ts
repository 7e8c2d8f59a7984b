// The colours of a communiqué's status (text and background keep a 4.5:1 contrast).
export const COMMUNIQUE_STATUS_STYLE: Record<string, string> = {
  draft: "bg-slate-200 text-slate-900",
  submitted: "bg-amber-100 text-amber-950",
  returned: "bg-closed-pale text-closed",
  scheduled: "bg-qc-pale text-qc-navy",
  sent: "bg-ok-pale text-ok",
};
