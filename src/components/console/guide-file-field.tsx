"use client";
// The files of an article's new version, in a console form: its refusal (a file type not accepted,
// too large) is shown at the field like the other fields' errors.
import { FileField } from "@/components/file-field";
import { useFormField } from "./action-form";

export function GuideFileField({ label, hint }: { label: string; hint: string }) {
  const { error } = useFormField("files");
  return <FileField label={label} hint={hint} error={error} />;
}
