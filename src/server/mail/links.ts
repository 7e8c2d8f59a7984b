import "server-only";
export { localePath } from "@/i18n/locale-path";
