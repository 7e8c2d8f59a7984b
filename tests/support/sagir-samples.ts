// A valid request of each SAGIR type, as a form would send it (strings), for the tests.
import type { SagirRequestType } from "../../src/domain/requests/sagir-request";

export const SAGIR_SAMPLES: Record<SagirRequestType, Record<string, string>> = {
  access: { type: "access", accessKind: "password-reset", userName: "Julie Pelletier", subject: "Mot de passe expiré", description: "Le mot de passe SAGIR est expiré depuis ce matin." },
  "self-service": { type: "self-service", module: "LSH", profile: "manager", subject: "Approbation d'heures", description: "Le bouton d'approbation ne répond pas dans LSH." },
  specialised: { type: "specialised", domain: "RF", subject: "Segment comptable", description: "Quel segment comptable utiliser pour ce projet ?" },
  training: { type: "training", course: "SGA-101 Introduction", participants: "Ana Roy <ana.roy@mfq.gouv.qc.ca>\nLéo Roy <leo.roy@mfq.gouv.qc.ca>", preferredPeriod: "", notes: "" },
  arrival: {
    type: "arrival",
    employeeName: "Paul Tremblay",
    employeeNumber: "",
    startDate: "2026-12-07",
    workEmail: "Paul.Tremblay@mfq.gouv.qc.ca",
    accessRequested: "Responsabilités RH de base.",
    parametrizationNeeds: "",
    notes: "",
  },
  departure: {
    type: "departure",
    employeeName: "Paul Tremblay",
    employeeNumber: "123456",
    departureDate: "2026-12-04",
    sagirEntryDate: "2026-12-07",
    birthDay: "17",
    birthMonth: "3",
    accessToRemove: "",
    notes: "",
  },
  parametrization: { type: "parametrization", module: "RM", subject: "Nouvelle nomenclature", description: "Ajouter la nomenclature des biens de la direction." },
};

