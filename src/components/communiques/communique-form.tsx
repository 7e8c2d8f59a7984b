// A communiqué's form (a new one, a draft changed, a correction): its texts in French (English
// optional), its audience as groups, its files. Saved as a draft: its page then shows how many
// people it reaches, before it is sent (or submitted).
import { getTranslations } from "next-intl/server";
import { ActionForm, Field, SubmitButton } from "@/components/console/action-form";
import { CheckboxGroup } from "@/components/console/checkbox-group";
import { AttachedFilesField } from "@/components/console/attached-files-field";
import { GuideFileField } from "@/components/console/guide-file-field";
import { COMMUNIQUE_ROLES, SAGIR_GROUP_LABELS, SAGIR_GROUPS, type CommuniqueAudience, type CommuniqueService } from "@/domain/communiques/communiques";
import type { Locale } from "@/i18n/routing";
import { saveCommuniqueAction } from "@/app/[locale]/communiques/actions";

export type CommuniqueFormProps = {
  locale: Locale;
  service: CommuniqueService;
  /** An MO's pilot writes for their own MO: no choice of organizations. */
  pilotOrganization: string | null;
  organizations: { id: string; name: string; adhered: boolean }[];
  draft?: {
    id: string | null;
    replacesId?: string | null;
    titleFr: string;
    bodyFr: string;
    titleEn: string | null;
    bodyEn: string | null;
    audience: CommuniqueAudience;
    files: { id: string; filename: string }[];
  };
};

export async function CommuniqueForm({ locale, service, pilotOrganization, organizations, draft }: CommuniqueFormProps) {
  const t = await getTranslations("Communiques");
  const ta = await getTranslations("Account");
  const audience = draft?.audience ?? { organizations: "all", organizationIds: [], roles: [...COMMUNIQUE_ROLES[service]].filter((r) => r !== "mo_pilot"), groups: [] };
  const scopes = service === "sagir" ? (["all", "adhered", "list"] as const) : (["all", "list"] as const);
  return (
    <ActionForm action={saveCommuniqueAction.bind(null, locale)} label={t("form")} className="mt-4 space-y-4">
      {draft?.id && <input type="hidden" name="id" value={draft.id} />}
      {draft?.replacesId && <input type="hidden" name="replacesId" value={draft.replacesId} />}
      <input type="hidden" name="service" value={service} />
      <div className="grid gap-6 xl:grid-cols-2">
        <div className="space-y-3">
          <Field kind="input" id="titleFr" name="titleFr" label={t("titleFr")} defaultValue={draft?.titleFr} />
          <Field kind="textarea" id="bodyFr" name="bodyFr" label={t("bodyFr")} hint={t("bodyHint")} rows={14} maxLength={20000} defaultValue={draft?.bodyFr} />
          <Field kind="input" id="titleEn" name="titleEn" label={t("titleEn")} defaultValue={draft?.titleEn ?? ""} required={false} />
          <Field kind="textarea" id="bodyEn" name="bodyEn" label={t("bodyEn")} rows={6} maxLength={20000} defaultValue={draft?.bodyEn ?? ""} required={false} />
          {draft && <AttachedFilesField legend={t("files")} removeLabel={t("removeFile")} files={draft.files} downloadPath="/api/v1/communiques/attachments" testId="communique-form-files" />}
          <GuideFileField label={t("addFiles")} hint={t("filesHint")} />
        </div>
        <div className="space-y-4">
          <h2 className="text-xl font-semibold text-qc-navy">{t("audience")}</h2>
          {pilotOrganization ? (
            <p data-testid="pilot-organization">{t("pilotAudience", { organization: pilotOrganization })}</p>
          ) : (
            <>
              <Field
                kind="select"
                id="organizations"
                name="organizations"
                label={t("organizations")}
                defaultValue={audience.organizations}
                options={scopes.map((value) => ({ value, label: t(`scopes.${value}`) }))}
              />
              <CheckboxGroup
                name="organizationIds"
                legend={t("organizationList")}
                hint={t("organizationListHint")}
                columns={3}
                checked={audience.organizationIds}
                options={organizations.map((o) => ({ value: o.id, label: o.name, detail: service === "sagir" && !o.adhered ? t("notAdhered") : undefined }))}
              />
            </>
          )}
          <CheckboxGroup
            name="roles"
            legend={t("roles")}
            checked={audience.roles}
            options={COMMUNIQUE_ROLES[service].map((value) => ({ value, label: ta(`roles.${value}`) }))}
          />
          {service === "sagir" && (
            <CheckboxGroup
              name="groups"
              legend={t("groups")}
              hint={t("groupsHint")}
              columns={2}
              checked={audience.groups}
              options={SAGIR_GROUPS.map((value) => ({ value, label: SAGIR_GROUP_LABELS[value][locale] }))}
            />
          )}
        </div>
      </div>
      <SubmitButton>{t("saveDraft")}</SubmitButton>
    </ActionForm>
  );
}
