import "server-only";
// The admin's ministries and organizations (MO): name and acronym, e-mail domains, the centres
// they use — SAGIR only once its two prerequisites (the seed's « Conditions requises ») have
// dates —, the CA-dotation emergency number their specialists are given, and their
// « responsables sectoriels ». Each save is audited with the facts before and after, like the
// catalogue's edits.
import type { TOrganizationInput } from "@/schemas/admin";
import { localizeValidationMessage } from "@/schemas/messages";
import { requireAdmin } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { appendAudit } from "@/server/repositories/audit-repository";
import {
  findOrganizationForAdmin,
  isOrganizationCodeTaken,
  listOrganizationsForAdmin,
  writeOrganization,
  type OrganizationRow,
} from "@/server/repositories/organization-repository";

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** An MO as the admin's pages and the audit log read it (dates as YYYY-MM-DD). */
export type OrganizationView = {
  id: string;
  code: string;
  name: string;
  emergencyPhone: string | null;
  emailDomains: string[];
  services: string[];
  sagirImplementedOn: string | null;
  sagirAdheredOn: string | null;
  contacts: { name: string; email: string; phone: string | null }[];
  people: number;
  updatedAt: string | null;
};

function viewOf(row: OrganizationRow): OrganizationView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    emergencyPhone: row.emergencyPhone,
    emailDomains: row.emailDomains,
    services: row.services.map((s) => s.serviceId),
    sagirImplementedOn: isoDay(row.sagirImplementedOn),
    sagirAdheredOn: isoDay(row.sagirAdheredOn),
    contacts: row.contacts,
    people: row._count.users,
    updatedAt: row.updatedAt?.toISOString() ?? null,
  };
}

/** What the audit keeps of an MO: its facts, not its counts. */
const factsOf = ({ people: _people, updatedAt: _updatedAt, id: _id, ...facts }: OrganizationView) => facts;

export async function listOrganizations({ user }: { user: CurrentUser | null }): Promise<OrganizationView[]> {
  requireAdmin(user);
  return (await listOrganizationsForAdmin(getDb())).map(viewOf);
}

export async function readOrganization({ user, id }: { user: CurrentUser | null; id: string }): Promise<OrganizationView> {
  requireAdmin(user);
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findOrganizationForAdmin(getDb(), id) : null;
  if (!row) throw new AppError("NOT_FOUND", "no such organization");
  return viewOf(row);
}

/** Creates (id null) or updates an MO; returns its id. */
export async function saveOrganization({ user, id, input, now }: { user: CurrentUser | null; id: string | null; input: TOrganizationInput; now: Date }): Promise<string> {
  const admin = requireAdmin(user);
  const before = id ? await readOrganization({ user, id }) : null;
  if (await isOrganizationCodeTaken(getDb(), input.code, id)) throw new AppError("INVALID_PARAMETER", "code taken", { code: localizeValidationMessage("organization.codeTaken") });
  const day = (v: string | null) => (v ? new Date(`${v}T00:00:00Z`) : null);
  const savedId = await writeOrganization(
    getDb(),
    id,
    {
      code: input.code,
      name: input.name,
      emergencyPhone: input.emergencyPhone,
      emailDomains: input.emailDomains,
      sagirImplementedOn: day(input.sagirImplementedOn),
      sagirAdheredOn: day(input.sagirAdheredOn),
      services: input.services,
      contacts: input.contacts,
    },
    now,
  );
  const after = await readOrganization({ user, id: savedId });
  await appendAudit(getDb(), {
    at: now,
    actorUserId: admin.id,
    action: "organization_saved",
    data: { organizationId: savedId, name: after.name, before: before && factsOf(before), after: factsOf(after) },
  });
  return savedId;
}
