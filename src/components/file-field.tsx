"use client";
// The files of a message: several at once, the accepted kinds offered by the picker (the server
// checks each from its content all the same).
import { FormField } from "@/components/form-field";

export const ACCEPTED_FILES = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.heic,.bmp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.csv,.txt,.eml";

export function FileField({ label, hint, error, name = "files" }: { label: string; hint: string; error?: string | undefined; name?: string }) {
  return (
    <FormField name={name} label={label} hint={hint} error={error} required={false}>
      {(props) => <input {...props} type="file" multiple accept={ACCEPTED_FILES} className={`${props.className} bg-white`} />}
    </FormField>
  );
}
