"use server";
// Saving an MO from the admin's form: the form's schema, then the service (which checks the role).
import type { OrganizationFormState, OrganizationFormValues } from "@/components/admin/organization-form";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ZOrganizationInput } from "@/schemas/admin";
import { getCurrentUser } from "@/server/auth/current-user";
import { getNow } from "@/server/clock";
import { runAction } from "@/server/http/server-action";
import { saveOrganization } from "@/server/services/administer-organizations";
import { parseInput } from "@/server/validate";

function valuesOf(form: FormData): OrganizationFormValues {
  const text = (name: string) => String(form.get(name) ?? "");
  const names = form.getAll("contactName").map(String);
  const emails = form.getAll("contactEmail").map(String);
  const phones = form.getAll("contactPhone").map(String);
  return {
    name: text("name"),
    code: text("code"),
    emailDomains: text("emailDomains"),
    services: form.getAll("services").map(String),
    sagirImplementedOn: text("sagirImplementedOn"),
    sagirAdheredOn: text("sagirAdheredOn"),
    emergencyPhone: text("emergencyPhone"),
    contacts: names.map((name, i) => ({ name, email: emails[i] ?? "", phone: phones[i] ?? "" })),
  };
}

export async function saveOrganizationAction(locale: Locale, id: string | null, _previous: OrganizationFormState, form: FormData): Promise<OrganizationFormState> {
  const values = valuesOf(form);
  // A row left blank is no contact; the others are validated (and kept on screen when refused).
  const contacts = values.contacts.filter((c) => c.name.trim() || c.email.trim() || c.phone.trim());
  const result = await runAction(locale, async () =>
    saveOrganization({ user: await getCurrentUser(), id, input: parseInput(ZOrganizationInput, { ...values, contacts }), now: await getNow() }),
  );
  if (!result.ok) return { values: { ...values, contacts }, failure: result };
  return redirect({ href: { pathname: "/admin/organisations", query: { enregistre: result.data } }, locale });
}
