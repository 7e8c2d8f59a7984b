import { z } from "zod";
import { CDR_LAYOUTS, GENERIC_COLUMNS, GENERIC_DEFAULT_NAMES, type GenericColumn } from "@/domain/telephony/cdr";
import { ZContactPhone } from "@/schemas/fields";

/** A column name of the generic layout (empty: the documented default). */
const ZColumnName = z.string({ error: "text.invalid" }).trim().max(60, { error: "text.invalid" }).optional();

/**
 * The call detail records' import form (/gestion/appels): the line the file's calls were made on,
 * its layout — Asterisk's Master.csv (optionally only the records dialed to the line's number) or
 * the generic layout with the file's own column names (`col_<field>`) — and the file itself
 * (checked by the use case: present, 10 MB at most).
 */
export const ZCallImportInput = z
  .object({
    line: z.string({ error: "choice.invalid" }).trim().min(1, { error: "choice.invalid" }).max(40, { error: "choice.invalid" }),
    layout: z.enum(CDR_LAYOUTS, { error: "choice.invalid" }),
    dialed: ZContactPhone,
    ...(Object.fromEntries(GENERIC_COLUMNS.map((c) => [`col_${c}`, ZColumnName])) as Record<`col_${GenericColumn}`, typeof ZColumnName>),
  })
  .transform(({ line, layout, dialed, ...names }) => ({
    line,
    layout,
    dialed,
    columns: Object.fromEntries(GENERIC_COLUMNS.map((c) => [c, names[`col_${c}`] || GENERIC_DEFAULT_NAMES[c]])) as Record<GenericColumn, string>,
  }));
export type CallImportInput = z.output<typeof ZCallImportInput>;

export const ZCallImportId = z.object({ importId: z.uuid({ error: "choice.invalid" }) });
