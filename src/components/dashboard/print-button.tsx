"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded bg-qc-blue px-4 py-2 font-semibold text-white hover:bg-qc-navy">
      {label}
    </button>
  );
}
