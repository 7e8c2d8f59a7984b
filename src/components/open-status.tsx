import { getTranslations } from "next-intl/server";
import type { OpenStatus as Status } from "@/domain/catalogue/types";
import { formatRelativeMoment } from "@/i18n/format";
import type { Locale } from "@/i18n/routing";

/** The two halves of "Ouvert — ferme à 12 h" / "Fermé — ouvre mercredi à 10 h". */
export async function describeOpenStatus(status: Status, now: Date, locale: Locale): Promise<{ state: string; detail: string }> {
  const t = await getTranslations({ locale, namespace: "Status" });
  const detail = status.open
    ? t("closesAt", { moment: formatRelativeMoment(status.closesAt!, now.getTime(), locale) })
    : status.nextOpening !== null
      ? t("opensAt", { moment: formatRelativeMoment(status.nextOpening, now.getTime(), locale) })
      : t("noOpening");
  return { state: status.open ? t("open") : t("closed"), detail };
}

/** The open status, computed on the server by the engine. */
export async function OpenStatus({ status, now, locale, size = "md" }: { status: Status; now: Date; locale: Locale; size?: "md" | "lg" }) {
  const { state, detail } = await describeOpenStatus(status, now, locale);
  const tone = status.open ? "border-ok bg-ok-pale text-ok" : "border-closed bg-closed-pale text-closed";
  return (
    <p
      data-testid="open-status"
      data-open={status.open ? "true" : "false"}
      className={`inline-flex flex-wrap items-center gap-2 rounded-md border-l-4 px-3 py-2 ${tone} ${size === "lg" ? "text-lg" : "text-base"}`}
    >
      <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-full ${status.open ? "bg-ok" : "bg-closed"}`} />
      <span>
        <strong>{state}</strong> — {detail}
      </span>
    </p>
  );
}
