// Where each centre's MO pages live and which message namespace names them.
import type { MoCentre } from "@/domain/requests/mo-request";

export const CENTRE_UI: Record<MoCentre, { ns: "MoRequest" | "Sagir"; list: string; create: string }> = {
  "ca-dotation": { ns: "MoRequest", list: "/dotation/requetes", create: "/dotation/nouvelle-requete" },
  sagir: { ns: "Sagir", list: "/sagir/requetes", create: "/sagir/outil-requete" },
};
