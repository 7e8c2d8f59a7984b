import "server-only";
// A developer's demo database, on its first start: Julie Pelletier (sagir@mfq) in the HR group, a
// DGGIR communiqué sent to the HR group of the MOs that adhered to SAGIR, a CA-dotation communiqué
// sent to the MO staffing specialists, and an MO communiqué its pilot submitted, waiting for a SAGIR
// agent. Made through the services, as the pages do (numbers, fingerprints, audit, fan-out).
import { ZCommuniqueDraft } from "@/schemas/communique";
import { toCurrentUser } from "@/server/auth/session-user";
import type { Db } from "@/server/db/client";
import { findSessionUser } from "@/server/repositories/user-repository";
import { runCommuniqueCycle, saveCommuniqueDraft, sendCommunique, submitCommunique } from "@/server/services/communiques";

const DEMO = [
  {
    as: "agent.sagir@cspq.exemple.qc.ca",
    then: "send",
    draft: {
      service: "sagir",
      titleFr: "Nouvelle fonction de paie rétroactive dans SAGIR",
      bodyFr:
        "La fonction de **paie rétroactive** est offerte dès lundi dans le module RH.\n\n" +
        "- Les ajustements des deux dernières années y sont couverts.\n- Le guide de la fonction est publié dans les guides SAGIR.\n\n" +
        "Posez vos questions à partir de ce communiqué : elles arrivent au Centre d'assistance SAGIR.",
      titleEn: "New retroactive pay function in SAGIR",
      bodyEn: "The **retroactive pay** function is available from Monday in the HR module. Ask your questions from this communiqué.",
      organizations: "adhered",
      roles: ["sagir_user"],
      groups: ["rh"],
    },
  },
  {
    as: "agent.dotation@cspq.exemple.qc.ca",
    then: "send",
    draft: {
      service: "ca-dotation",
      titleFr: "Horaire du Centre d'assistance en dotation pendant les Fêtes",
      bodyFr: "Le Centre d'assistance en dotation est fermé du 24 décembre au 2 janvier inclusivement. Les requêtes reçues pendant ces jours seront traitées dès le 5 janvier.",
      organizations: "all",
      roles: ["mo_specialist"],
    },
  },
  {
    as: "pilote@mfq.exemple.qc.ca",
    then: "submit",
    draft: {
      service: "sagir",
      titleFr: "Fermeture du module Absences au MFQ vendredi soir",
      bodyFr: "Le module Absences de SAGIR sera fermé au ministère vendredi de 18 h à 20 h pour une mise à jour. Saisissez vos absences avant 18 h.",
      roles: ["sagir_user"],
    },
  },
] as const;

/** Seeds the demo communiqués once (none yet); returns how many were made. */
export async function seedDemoCommuniques(db: Db, now: Date): Promise<number> {
  if ((await db.communique.count()) > 0) return 0;
  const users = await db.user.findMany({ where: { email: { in: ["sagir@mfq.exemple.qc.ca", ...DEMO.map((d) => d.as)] } }, select: { id: true, email: true } });
  const idOf = (email: string) => users.find((u) => u.email === email)?.id;
  const julie = idOf("sagir@mfq.exemple.qc.ca");
  if (!julie || DEMO.some((d) => !idOf(d.as))) return 0;
  await db.userSagirGroup.createMany({ data: [{ userId: julie, groupId: "rh" }], skipDuplicates: true });
  for (const demo of DEMO) {
    const user = toCurrentUser((await findSessionUser(db, idOf(demo.as)!))!);
    const { id } = await saveCommuniqueDraft({ user, input: ZCommuniqueDraft.parse(demo.draft), now });
    if (demo.then === "send") await sendCommunique({ user, id, send: { when: "now", sendAt: null }, now });
    else await submitCommunique({ user, id, now });
  }
  await runCommuniqueCycle(db, now);
  return DEMO.length;
}
