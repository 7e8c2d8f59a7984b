"use client";
// « Tout cocher » for the queue's bulk action: ticks or unticks every row's box of the form.
import type { ChangeEvent } from "react";

export function SelectAll({ form, label }: { form: string; label: string }) {
  const toggle = (event: ChangeEvent<HTMLInputElement>) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${form}"][name="selected"]`)) box.checked = event.target.checked;
  };
  return <input type="checkbox" onChange={toggle} aria-label={label} className="h-4 w-4 align-middle" data-testid="select-all" />;
}
