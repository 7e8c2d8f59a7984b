// Every use case behind a route or an action, for every role: who may, and what the others get.
// Pages, server actions and API routes are thin shells over these functions (they pass the
// signed-in user), so this table is the authorization of the whole of intake (and of the
// console's and the dashboards' reads). "Not found" is
// the answer wherever a refusal would tell that a request number exists.
import { ZPhoneLineEdit } from "../../src/schemas/catalogue-edit";
import { savePhoneLine } from "../../src/server/services/edit-phone-lines";
import { ZCallImportInput } from "../../src/schemas/call-import";
import { previewCallImport, readCallImports } from "../../src/server/services/import-calls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZDashboardQuery } from "../../src/schemas/dashboard";
import { ZSagirRequestInput } from "../../src/schemas/sagir-request";
import type { CurrentUser } from "../../src/server/auth/current-user";
import { seedDemoData } from "../../src/server/db/demo-data";
import { seedDatabase } from "../../src/server/db/seed";
import { createMoRequest } from "../../src/server/services/create-mo-request";
import { createSagirRequest } from "../../src/server/services/create-sagir-request";
import { ZBulkInput, ZSavedViewInput } from "../../src/schemas/console";
import { readAuditLog } from "../../src/server/services/audit-log";
import { bulkHandle } from "../../src/server/services/bulk-handle";
import { readDashboard } from "../../src/server/services/dashboard";
import { readSavedViews, saveView } from "../../src/server/services/saved-views";
import { getRequest } from "../../src/server/services/get-request";
import { changeRequestStatus, revealPersonalData, takeInCharge } from "../../src/server/services/handle-request";
import { inviteMember, listMembers, updateMember } from "../../src/server/services/manage-members";
import { getMoRequest, listMoRequests } from "../../src/server/services/read-mo-requests";
import { replyToMoRequest } from "../../src/server/services/reply-to-mo-request";
import { ZContactInput, ZForwardInput, ZReviewDecisionInput } from "../../src/schemas/second-level";
import { readConsoleRequest } from "../../src/server/services/agent-console";
import { changeReviewSetting, decideResolution } from "../../src/server/services/quality-review";
import { addContact, forwardToSecondLevel, readContacts } from "../../src/server/services/second-level";
import { changeRetention } from "../../src/server/services/retention";
import { erasePerson, exportPerson, lookUpPerson } from "../../src/server/services/person-data";
import { inviteStaff, listStaff, renewStaffInvitation, updateStaff } from "../../src/server/services/administer-staff";
import { listOrganizations, readOrganization, saveOrganization } from "../../src/server/services/administer-organizations";
import { createApiKey, listApiKeys, revokeApiKey } from "../../src/server/services/administer-api-keys";
import { readWallboard } from "../../src/server/services/call-events";
import { ZOrganizationInput } from "../../src/schemas/admin";
import { ZCannedReplyInput } from "../../src/schemas/canned-reply";
import { readCannedReplies, saveCannedReply } from "../../src/server/services/canned-replies";
import { ZAgreementInput, ZHeadcountInput, ZPaymentInput, ZTariffRateInput } from "../../src/schemas/billing";
import { issueMonthlyInvoices } from "../../src/server/services/billing";
import { declareHeadcount, issueAdjustment, readBillingOverview, readInvoice, readOrganizationBilling, recordPayment, runMonthlyInvoices, saveAgreement, saveTariffRate } from "../../src/server/services/manage-billing";
import { ZGuideArticleInput } from "../../src/schemas/guides";
import { listDeskArticles, publishGuide, readGuide, readGuideAttachment, saveGuideVersion } from "../../src/server/services/guides";
import { readSatisfaction } from "../../src/server/services/satisfaction";
import { readQuarterSatisfaction } from "../../src/server/services/dashboard";
import { ZCommuniqueAnswer, ZCommuniqueDraft, ZMemberGroups } from "../../src/schemas/communique";
import {
  answerCommuniqueQuestions,
  askAboutCommunique,
  forwardCommunique,
  listDeskCommuniques,
  readCommunique,
  readCommuniqueAttachment,
  runCommuniqueCycle,
  saveCommuniqueDraft,
  sendCommunique,
  setMemberGroups,
  submitCommunique,
} from "../../src/server/services/communiques";
import { connectTestDb, truncateAll } from "../support/db";
import { SAGIR_SAMPLES } from "../support/sagir-samples";
import { currentUserFor } from "../support/users";

const db = connectTestDb();
const now = new Date("2026-11-24T15:00:00Z");

const PEOPLE = [
  "anonymous",
  "specialiste@mfq.exemple.qc.ca",
  "specialiste@mcc.exemple.qc.ca",
  "sagir@mfq.exemple.qc.ca",
  "sagir@mcc.exemple.qc.ca",
  "pilote@mfq.exemple.qc.ca",
  "agent.dotation@cspq.exemple.qc.ca",
  "agent.sagir@cspq.exemple.qc.ca",
  "gestionnaire@cspq.exemple.qc.ca",
  "admin@cspq.exemple.qc.ca",
] as const;
type Who = (typeof PEOPLE)[number];
type Outcome = "ok" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "REFUSED" | "CONFLICT";

let dotationNumber: string;
let sagirNumber: string;
let departureNumber: string;
const users = new Map<Who, CurrentUser | null>();
const dotationInput = { function: "reports", nature: "how-to", subject: "Rapport", description: "Comment produire le rapport mensuel ?", urgent: false, contactPhone: null } as const;
const sagirInput = (type: "access" | "departure") => ZSagirRequestInput.parse({ ...SAGIR_SAMPLES[type], urgent: "", contactPhone: "" });
const versionOf = async (number: string) => (await db.request.findUniqueOrThrow({ where: { number }, select: { version: true } })).version;
const idOf = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
let invited = 0;
let contacts = 0;
let contactId: string;
let mfqId: string;
const mfqInvoiceId = async () => (await db.invoice.findFirstOrThrow({ where: { organizationId: mfqId }, select: { id: true } })).id;

const guideInput = (audience: string, titleFr: string) => ZGuideArticleInput.parse({ audience, category: "Matrice", titleFr, bodyFr: "Le texte de l'article de la matrice d'autorisation." });
let sagirDraftId: string;
// A DGGIR communiqué sent to the RH group of the SAGIR users of adhered MOs (sagir@mfq is in it; the pilot always is).
let sentCommuniqueId: string;
const communiqueInput = (values: Record<string, unknown> = {}) =>
  ZCommuniqueDraft.parse({ service: "sagir", titleFr: "Communiqué de la matrice", bodyFr: "Le texte du communiqué de la matrice d'autorisation.", organizations: "adhered", roles: ["sagir_user", "mo_pilot"], groups: ["rh"], ...values });
const managerOf = () => users.get("gestionnaire@cspq.exemple.qc.ca")!;
const pilotOf = () => users.get("pilote@mfq.exemple.qc.ca")!;
const moDraft = async () => (await saveCommuniqueDraft({ user: pilotOf(), input: communiqueInput({ organizations: "all", roles: ["sagir_user"], groups: [] }), now })).id;
let sagirFileDraftId: string;
let moGuideSlug: string;
let sagirGuideSlug: string;

const USE_CASES: Record<string, (user: CurrentUser | null) => Promise<unknown>> = {
  // Guides and satisfaction (issue 18): a SAGIR draft, a published MO specialists' and SAGIR users' article (see beforeAll).
  "saveGuideVersion sagir (/gestion/guides/sagir)": (user) => saveGuideVersion({ user, input: guideInput("sagir/sagir-user", "Article de la matrice"), now }),
  "publishGuide sagir (/gestion/guides/sagir/…)": (user) => publishGuide({ user, articleId: sagirDraftId, version: 1, now }),
  "listDeskArticles ca-dotation (/gestion/guides/ca-dotation)": (user) => listDeskArticles({ user, serviceId: "ca-dotation", now }),
  "readGuide MO specialists' article (/guides/…)": (user) => readGuide({ user, slug: moGuideSlug, locale: "fr" }),
  "readGuide SAGIR users' article (/guides/…)": (user) => readGuide({ user, slug: sagirGuideSlug, locale: "fr" }),
  "readGuideAttachment of a SAGIR draft (/api/v1/guides/attachments/…)": async (user) =>
    readGuideAttachment({ user, id: (await db.guideAttachment.findFirstOrThrow({ where: { articleId: sagirFileDraftId } })).id }),
  "readSatisfaction of a SAGIR request (its requester's page)": (user) => readSatisfaction({ user, number: sagirNumber }),
  "readQuarterSatisfaction ca-dotation (the monthly report)": (user) => readQuarterSatisfaction({ user, serviceId: "ca-dotation", year: 2026, month: 11 }),
  // SAGIR billing (issue 17): MFQ has an agreement and November's invoice (see beforeAll).
  "readBillingOverview (/gestion/facturation and its CSV)": (user) => readBillingOverview({ user, fiscalYear: 2026, now }),
  "readOrganizationBilling MFQ (/pilote/facturation, /gestion/facturation/MFQ)": (user) => readOrganizationBilling({ user, organizationId: mfqId, fiscalYear: 2026, now }),
  "readInvoice MFQ (/factures/…, its PDF)": async (user) => readInvoice({ user, invoiceId: await mfqInvoiceId(), now }),
  "saveTariffRate (/gestion/facturation)": (user) => saveTariffRate({ user, input: ZTariffRateInput.parse({ from: "2027-01", rate: "200" }), now }),
  "saveAgreement MFQ (/gestion/facturation/MFQ)": (user) => saveAgreement({ user, input: ZAgreementInput.parse({ organizationId: mfqId, firstMonth: "2026-04", lastMonth: "", fiscalYear: "2026", employees: "500" }), now }),
  "runMonthlyInvoices (/gestion/facturation)": (user) => runMonthlyInvoices({ user, now }),
  "recordPayment MFQ (/gestion/facturation/MFQ)": async (user) => recordPayment({ user, input: ZPaymentInput.parse({ invoiceId: await mfqInvoiceId(), paidOn: "2026-11-24" }), now }),
  "declareHeadcount MFQ (/pilote/facturation)": (user) => declareHeadcount({ user, input: ZHeadcountInput.parse({ organizationId: mfqId, month: "2026-11", employees: "480" }), now }),
  "issueAdjustment MFQ (the year is not over: refused to those who may)": (user) => issueAdjustment({ user, input: { organizationId: mfqId, fiscalYear: 2026 }, now }),
  "createMoRequest (dotation form, POST /api/v1/requests)": (user) => createMoRequest({ user, input: dotationInput, receivedAt: now }),
  "listMoRequests dotation (/dotation/requetes)": (user) => listMoRequests({ user, centre: "ca-dotation" }),
  "getMoRequest dotation (/dotation/requetes/…)": (user) => getMoRequest({ user, centre: "ca-dotation", number: dotationNumber }),
  "replyToMoRequest dotation (reply action)": (user) =>
    replyToMoRequest({ user, centre: "ca-dotation", number: dotationNumber, input: { message: "Un complément d'information." }, now }),
  "createSagirRequest (Outil Requête, POST /api/v1/requests)": (user) => createSagirRequest({ user, input: sagirInput("access"), receivedAt: now }),
  "listMoRequests sagir (/sagir/requetes)": (user) => listMoRequests({ user, centre: "sagir" }),
  "getMoRequest sagir (/sagir/requetes/…)": (user) => getMoRequest({ user, centre: "sagir", number: sagirNumber }),
  "replyToMoRequest sagir (reply action)": (user) =>
    replyToMoRequest({ user, centre: "sagir", number: sagirNumber, input: { message: "Un complément d'information." }, now }),
  "getRequest (GET /api/v1/requests/{number})": (user) => getRequest({ user, number: sagirNumber }),
  "listMembers (/pilote/utilisateurs)": (user) => listMembers({ user }),
  "updateMember (pilot's save action)": async (user) =>
    updateMember({ user, input: { userId: await idOf("sagir@mfq.exemple.qc.ca"), active: true, services: ["sagir"] }, now }),
  "inviteMember (pilot's invite action)": (user) =>
    inviteMember({ user, input: { name: "Invitée", email: `invitee${++invited}@mfq.exemple.qc.ca`, role: "sagir_user" }, now, mail: { baseUrl: "https://guichet.exemple.qc.ca", locale: "fr" } }),
  "takeInCharge (agent)": async (user) => takeInCharge({ user, number: sagirNumber, expectedVersion: await versionOf(sagirNumber), now }),
  "changeRequestStatus (agent)": async (user) =>
    changeRequestStatus({ user, number: sagirNumber, expectedVersion: await versionOf(sagirNumber), status: "in_progress", now }),
  "revealPersonalData (handling agent only)": (user) => revealPersonalData({ user, number: departureNumber, now }),
  "readDashboard ca-dotation (/gestion/tableau-de-bord/…, its CSV and the monthly report)": (user) =>
    readDashboard({ user, serviceId: "ca-dotation", query: ZDashboardQuery.parse({}), now }),
  "readDashboard sagir": (user) => readDashboard({ user, serviceId: "sagir", query: ZDashboardQuery.parse({}), now }),
  "readAuditLog (/gestion/journal and its CSV)": (user) => readAuditLog({ user, filters: {}, limit: 10 }),
  "bulkHandle sagir (queue's bulk action)": async (user) => bulkHandle({ user, serviceId: "sagir", input: ZBulkInput.parse({ action: "status", status: "in_progress", selected: [`${sagirNumber}@${await versionOf(sagirNumber)}`] }), now }),
  "saveView sagir (queue's saved views)": (user) => saveView({ user, serviceId: "sagir", input: ZSavedViewInput.parse({ name: "Urgentes", query: "urgent=1" }) }),
  "readContacts sagir (/gestion/second-niveau/…)": (user) => readContacts({ user, serviceId: "sagir" }),
  "addContact sagir (second-level contacts)": (user) => addContact({ user, serviceId: "sagir", input: ZContactInput.parse({ name: "Pilotes", email: `pilotes${++contacts}@dggir.exemple.qc.ca` }), now }),
  "changeReviewSetting sagir": (user) => changeReviewSetting({ user, serviceId: "sagir", value: true, now }),
  "lookUpPerson (/admin/personnes)": (user) => lookUpPerson({ user, email: "sagir@mfq.exemple.qc.ca" }),
  "exportPerson (/admin/personnes, JSON)": (user) => exportPerson({ user, email: "sagir@mfq.exemple.qc.ca", now }),
  "erasePerson (/admin/personnes)": (user) => erasePerson({ user, email: "personne@exemple.ca", now }),
  "changeRetention sagir (/gestion/catalogue, Loi 25)": (user) => changeRetention({ user, serviceId: "sagir", days: 730, now }),
  "readCannedReplies sagir (/gestion/reponses/…)": (user) => readCannedReplies({ user, serviceId: "sagir" }),
  "saveCannedReply sagir (/gestion/reponses/…)": (user) =>
    saveCannedReply({ user, serviceId: "sagir", input: ZCannedReplyInput.parse({ kind: "answer", titleFr: "Réponse de la matrice", titleEn: "Matrix reply", bodyFr: "Bonjour, votre requête {numero}.", bodyEn: "Hello, your request {numero}.", active: "on" }), now }),
  "listStaff (/admin/personnel)": (user) => listStaff({ user }),
  "listApiKeys (/admin/cles)": (user) => listApiKeys({ user, now }),
  "readWallboard sagir (/console/sagir/ligne)": (user) => readWallboard({ user, serviceId: "sagir", now }),
  "readCallImports (/gestion/appels)": (user) => readCallImports({ user }),
  "savePhoneLine sagir (/gestion/catalogue)": (user) => savePhoneLine({ user, input: ZPhoneLineEdit.parse({ id: "sagir-matrice", serviceAudience: "sagir/sagir-user", numbers: "418 644-2777" }), now }),
  "previewCallImport sagir (/gestion/appels)": (user) =>
    previewCallImport({ user, input: ZCallImportInput.parse({ line: "sagir", layout: "generic" }), file: { name: "appels.csv", bytes: new TextEncoder().encode("call_id,queued_at\nmatrice-1,2026-11-23 10:00\n") }, now }),
  "createApiKey (/admin/cles)": (user) => createApiKey({ user, input: { name: "Clé de la matrice", scope: "call_events", expiresOn: "2027-06-01" }, now }),
  "revokeApiKey (/admin/cles)": async (user) => revokeApiKey({ user, id: (await db.apiKey.findFirstOrThrow({ select: { id: true } })).id, now }),
  "listOrganizations (/admin/organisations)": (user) => listOrganizations({ user }),
  "readOrganization (/admin/organisations/…)": async (user) => readOrganization({ user, id: (await db.organization.findUniqueOrThrow({ where: { code: "MFQ" } })).id }),
  "saveOrganization (/admin/organisations/nouveau)": (user) =>
    saveOrganization({
      user,
      id: null,
      input: ZOrganizationInput.parse({ name: "Organisme de la matrice", code: `MAT${++contacts}`, emailDomains: "", services: ["ca-dotation"], sagirImplementedOn: "", sagirAdheredOn: "", emergencyPhone: "", contacts: [] }),
      now,
    }),
  "inviteStaff (/admin/personnel)": (user) =>
    inviteStaff({ user, input: { name: "Agent invité", email: `invite${++contacts}@cspq.exemple.qc.ca`, role: "agent", services: ["sagir"], organizationId: "" }, now, mail: { baseUrl: "https://guichet.exemple.qc.ca", locale: "fr" } }),
  "updateStaff (/admin/personnel)": async (user) =>
    updateStaff({ user, input: { userId: (await db.user.findUniqueOrThrow({ where: { email: "agent.sagir@cspq.exemple.qc.ca" } })).id, active: true, services: ["sagir"] }, now }),
  "renewStaffInvitation (/admin/personnel)": async (user) => {
    const pending = await db.user.findFirstOrThrow({ where: { role: "agent", passwordHash: null } });
    return renewStaffInvitation({ user, userId: pending.id, now, mail: { baseUrl: "https://guichet.exemple.qc.ca", locale: "fr" } });
  },
  "readConsoleRequest read-only (/gestion/requetes/…)": (user) => readConsoleRequest({ user, number: sagirNumber, now, readOnly: true }),
  "forwardToSecondLevel (agent)": async (user) =>
    forwardToSecondLevel({ user, number: sagirNumber, input: ZForwardInput.parse({ contactId, note: "Pouvez-vous vérifier ceci ?", followUpDate: "2026-11-26", expectedVersion: await versionOf(sagirNumber) }), now }),
  "decideResolution (another agent of the service)": async (user) =>
    decideResolution({ user, number: sagirNumber, input: ZReviewDecisionInput.parse({ decision: "approved", expectedVersion: await versionOf(sagirNumber) }), now }),
  "saveCommuniqueDraft sagir (/communiques/nouveau)": (user) => saveCommuniqueDraft({ user, input: communiqueInput(user?.role === "mo_pilot" ? { organizations: "all", groups: [] } : {}), now }),
  "sendCommunique of a DGGIR draft (/communiques/…)": async (user) => {
    const { id } = await saveCommuniqueDraft({ user: managerOf(), input: communiqueInput(), now });
    return sendCommunique({ user, id, send: { when: "now", sendAt: null }, now });
  },
  "listDeskCommuniques sagir (/communiques)": (user) => listDeskCommuniques({ user, serviceId: "sagir", locale: "fr" }),
  "readCommunique sent to RH users (/communiques/…)": (user) => readCommunique({ user, id: sentCommuniqueId, locale: "fr", now }),
  "readCommuniqueAttachment of it (/api/v1/communiques/attachments/…)": async (user) =>
    readCommuniqueAttachment({ user, id: (await db.communiqueAttachment.findFirstOrThrow({ where: { communiqueId: sentCommuniqueId } })).id }),
  "readCommunique of an MO's draft": async (user) => readCommunique({ user, id: await moDraft(), locale: "fr", now }),
  "submitCommunique of an MO's draft (its pilot)": async (user) => submitCommunique({ user, id: await moDraft(), now }),
  "forwardCommunique of a submitted MO communiqué (SAGIR staff)": async (user) => {
    const id = await moDraft();
    await submitCommunique({ user: pilotOf(), id, now });
    return forwardCommunique({ user, id, send: { when: "now", sendAt: null }, now });
  },
  "askAboutCommunique (its recipients)": (user) => askAboutCommunique({ user, id: sentCommuniqueId, input: { message: "Quand ce changement entre-t-il en vigueur ?" }, now, locale: "fr" }),
  "answerCommuniqueQuestions of a DGGIR communiqué": (user) =>
    answerCommuniqueQuestions({ user, id: sentCommuniqueId, input: ZCommuniqueAnswer.parse({ numbers: ["SAG-2026-999999"], body: "Réponse de la matrice d'autorisation." }), now }),
  "setMemberGroups (/pilote/utilisateurs)": async (user) => setMemberGroups({ user, input: ZMemberGroups.parse({ userId: await idOf("sagir@mfq.exemple.qc.ca"), groups: ["rh"] }), now }),
  "readSavedViews sagir": (user) => readSavedViews({ user, serviceId: "sagir" }),
};

/** Who may do each; everyone else gets `others` (anonymous gets UNAUTHENTICATED where it applies). */
const RULES: Record<string, { may: Who[]; others: Outcome; except?: Partial<Record<Who, Outcome>> }> = {
  "saveGuideVersion sagir (/gestion/guides/sagir)": { may: ["agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  // The service's agents write but do not publish (told so); nobody else finds the article.
  "publishGuide sagir (/gestion/guides/sagir/…)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND", "agent.sagir@cspq.exemple.qc.ca": "FORBIDDEN" } },
  "listDeskArticles ca-dotation (/gestion/guides/ca-dotation)": { may: ["agent.dotation@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readGuide MO specialists' article (/guides/…)": {
    may: ["specialiste@mfq.exemple.qc.ca", "specialiste@mcc.exemple.qc.ca", "pilote@mfq.exemple.qc.ca", "agent.dotation@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"],
    others: "NOT_FOUND",
    except: { anonymous: "NOT_FOUND" },
  },
  "readGuide SAGIR users' article (/guides/…)": {
    may: ["sagir@mfq.exemple.qc.ca", "sagir@mcc.exemple.qc.ca", "pilote@mfq.exemple.qc.ca", "agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"],
    others: "NOT_FOUND",
    except: { anonymous: "NOT_FOUND" },
  },
  // A draft's file: its writers only.
  "readGuideAttachment of a SAGIR draft (/api/v1/guides/attachments/…)": { may: ["agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  // Only the request's own requester is asked (the pilot sees the request, but did not make it).
  "readSatisfaction of a SAGIR request (its requester's page)": { may: ["sagir@mfq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readQuarterSatisfaction ca-dotation (the monthly report)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "createMoRequest (dotation form, POST /api/v1/requests)": { may: ["specialiste@mfq.exemple.qc.ca", "specialiste@mcc.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"], others: "FORBIDDEN" },
  "listMoRequests dotation (/dotation/requetes)": { may: ["specialiste@mfq.exemple.qc.ca", "specialiste@mcc.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"], others: "FORBIDDEN" },
  "getMoRequest dotation (/dotation/requetes/…)": {
    may: ["specialiste@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"],
    others: "FORBIDDEN",
    except: { "specialiste@mcc.exemple.qc.ca": "NOT_FOUND" },
  },
  "replyToMoRequest dotation (reply action)": {
    may: ["specialiste@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"],
    others: "FORBIDDEN",
    except: { "specialiste@mcc.exemple.qc.ca": "NOT_FOUND" },
  },
  "createSagirRequest (Outil Requête, POST /api/v1/requests)": { may: ["sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"], others: "FORBIDDEN" },
  "listMoRequests sagir (/sagir/requetes)": { may: ["sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"], others: "FORBIDDEN" },
  "getMoRequest sagir (/sagir/requetes/…)": { may: ["sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"], others: "FORBIDDEN" },
  "replyToMoRequest sagir (reply action)": { may: ["sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"], others: "FORBIDDEN" },
  "getRequest (GET /api/v1/requests/{number})": {
    may: ["sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca", "agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"],
    others: "NOT_FOUND",
    except: { anonymous: "NOT_FOUND" },
  },
  "listMembers (/pilote/utilisateurs)": { may: ["pilote@mfq.exemple.qc.ca"], others: "FORBIDDEN" },
  "updateMember (pilot's save action)": { may: ["pilote@mfq.exemple.qc.ca"], others: "FORBIDDEN" },
  "inviteMember (pilot's invite action)": { may: ["pilote@mfq.exemple.qc.ca"], others: "FORBIDDEN" },
  "takeInCharge (agent)": { may: ["agent.sagir@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "changeRequestStatus (agent)": { may: ["agent.sagir@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "revealPersonalData (handling agent only)": {
    may: [],
    others: "NOT_FOUND",
    // The SAGIR agent may see the request but is not its handler until they take it in charge.
    except: { anonymous: "NOT_FOUND", "agent.sagir@cspq.exemple.qc.ca": "FORBIDDEN" },
  },
  // Managers of the service and the admin; everyone else, signed in or not, finds nothing there.
  "readDashboard ca-dotation (/gestion/tableau-de-bord/…, its CSV and the monthly report)": {
    may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"],
    others: "NOT_FOUND",
    except: { anonymous: "NOT_FOUND" },
  },
  "readDashboard sagir": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "savePhoneLine sagir (/gestion/catalogue)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readCallImports (/gestion/appels)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "previewCallImport sagir (/gestion/appels)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readAuditLog (/gestion/journal and its CSV)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "bulkHandle sagir (queue's bulk action)": { may: ["agent.sagir@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "saveView sagir (queue's saved views)": { may: ["agent.sagir@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readContacts sagir (/gestion/second-niveau/…)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "addContact sagir (second-level contacts)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "lookUpPerson (/admin/personnes)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "exportPerson (/admin/personnes, JSON)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "erasePerson (/admin/personnes)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readCannedReplies sagir (/gestion/reponses/…)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "saveCannedReply sagir (/gestion/reponses/…)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "listOrganizations (/admin/organisations)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readOrganization (/admin/organisations/…)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "saveOrganization (/admin/organisations/nouveau)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "listStaff (/admin/personnel)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "listApiKeys (/admin/cles)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readWallboard sagir (/console/sagir/ligne)": {
    may: ["agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"],
    others: "NOT_FOUND",
    except: { anonymous: "NOT_FOUND" },
  },
  "createApiKey (/admin/cles)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "revokeApiKey (/admin/cles)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "inviteStaff (/admin/personnel)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "updateStaff (/admin/personnel)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "renewStaffInvitation (/admin/personnel)": { may: ["admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "changeRetention sagir (/gestion/catalogue, Loi 25)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readBillingOverview (/gestion/facturation and its CSV)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readOrganizationBilling MFQ (/pilote/facturation, /gestion/facturation/MFQ)": { may: ["pilote@mfq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readInvoice MFQ (/factures/…, its PDF)": { may: ["pilote@mfq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "saveTariffRate (/gestion/facturation)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "saveAgreement MFQ (/gestion/facturation/MFQ)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "runMonthlyInvoices (/gestion/facturation)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "recordPayment MFQ (/gestion/facturation/MFQ)": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "declareHeadcount MFQ (/pilote/facturation)": { may: ["pilote@mfq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "issueAdjustment MFQ (the year is not over: refused to those who may)": {
    may: [],
    others: "NOT_FOUND",
    except: { anonymous: "NOT_FOUND", "gestionnaire@cspq.exemple.qc.ca": "CONFLICT", "admin@cspq.exemple.qc.ca": "CONFLICT" },
  },
  "changeReviewSetting sagir": { may: ["gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "readConsoleRequest read-only (/gestion/requetes/…)": {
    may: ["agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"],
    others: "NOT_FOUND",
    except: { anonymous: "NOT_FOUND" },
  },
  "forwardToSecondLevel (agent)": { may: ["agent.sagir@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  // Only an agent of the service reaches the decision (none is pending here: refused, not hidden).
  "decideResolution (another agent of the service)": { may: [], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND", "agent.sagir@cspq.exemple.qc.ca": "REFUSED" } },
  "readSavedViews sagir": { may: ["agent.sagir@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  // Communiqués: a centre's staff write theirs; an MO's pilot, the MO's (SAGIR).
  "saveCommuniqueDraft sagir (/communiques/nouveau)": {
    may: ["agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"],
    others: "NOT_FOUND",
  },
  "sendCommunique of a DGGIR draft (/communiques/…)": { may: ["agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "listDeskCommuniques sagir (/communiques)": {
    may: ["agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"],
    others: "NOT_FOUND",
  },
  // The people it reached, and its centre's staff; anyone outside its audience finds nothing.
  "readCommunique sent to RH users (/communiques/…)": {
    may: ["sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca", "agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"],
    others: "NOT_FOUND",
    except: { anonymous: "NOT_FOUND" },
  },
  "readCommuniqueAttachment of it (/api/v1/communiques/attachments/…)": {
    may: ["sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca", "agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"],
    others: "NOT_FOUND",
    except: { anonymous: "NOT_FOUND" },
  },
  // An MO's draft is the MO's until submitted: not even the centre reads it.
  "readCommunique of an MO's draft": { may: ["pilote@mfq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "submitCommunique of an MO's draft (its pilot)": { may: ["pilote@mfq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "forwardCommunique of a submitted MO communiqué (SAGIR staff)": { may: ["agent.sagir@cspq.exemple.qc.ca", "gestionnaire@cspq.exemple.qc.ca", "admin@cspq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  "askAboutCommunique (its recipients)": { may: ["sagir@mfq.exemple.qc.ca", "pilote@mfq.exemple.qc.ca"], others: "NOT_FOUND", except: { anonymous: "NOT_FOUND" } },
  // The centre's agents answer; its managers see the questions but do not answer them.
  "answerCommuniqueQuestions of a DGGIR communiqué": {
    may: ["agent.sagir@cspq.exemple.qc.ca"],
    others: "NOT_FOUND",
    except: { anonymous: "NOT_FOUND", "gestionnaire@cspq.exemple.qc.ca": "REFUSED", "admin@cspq.exemple.qc.ca": "REFUSED" },
  },
  "setMemberGroups (/pilote/utilisateurs)": { may: ["pilote@mfq.exemple.qc.ca"], others: "FORBIDDEN" },
};

function expected(useCase: string, who: Who): Outcome {
  const rule = RULES[useCase]!;
  if (rule.may.includes(who)) return "ok";
  return rule.except?.[who] ?? (who === "anonymous" ? "UNAUTHENTICATED" : rule.others);
}

beforeAll(async () => {
  await truncateAll(db);
  await seedDatabase(db, new Date("2026-11-23T15:00:00Z"));
  await seedDemoData(db);
  for (const who of PEOPLE) users.set(who, who === "anonymous" ? null : await currentUserFor(db, who));
  dotationNumber = (await createMoRequest({ user: users.get("specialiste@mfq.exemple.qc.ca")!, input: dotationInput, receivedAt: now })).number;
  sagirNumber = (await createSagirRequest({ user: users.get("sagir@mfq.exemple.qc.ca")!, input: sagirInput("access"), receivedAt: now })).number;
  departureNumber = (await createSagirRequest({ user: users.get("sagir@mfq.exemple.qc.ca")!, input: sagirInput("departure"), receivedAt: now })).number;
  mfqId = (await db.organization.findUniqueOrThrow({ where: { code: "MFQ" }, select: { id: true } })).id;
  await db.billingAgreement.create({ data: { organizationId: mfqId, firstMonth: "2026-04", createdAt: now } });
  await db.billingEstimate.create({ data: { organizationId: mfqId, fiscalYear: 2026, employees: 500 } });
  await issueMonthlyInvoices(db, "2026-11", now);
  const writer = users.get("gestionnaire@cspq.exemple.qc.ca")!;
  const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
  sagirDraftId = (await saveGuideVersion({ user: writer, input: guideInput("sagir/sagir-user", "Brouillon SAGIR de la matrice"), now })).articleId;
  // Never published (the publication row above publishes the other draft).
  sagirFileDraftId = (await saveGuideVersion({ user: writer, input: guideInput("sagir/sagir-user", "Brouillon SAGIR avec un fichier"), now, files: [{ filename: "brouillon.pdf", contentType: "application/pdf", content: pdf, sha256: "0".repeat(64) }] })).articleId;
  for (const [audience, title] of [["ca-dotation/mo-specialist", "Guide des spécialistes de la matrice"], ["sagir/sagir-user", "Guide SAGIR de la matrice"]] as const) {
    const { articleId } = await saveGuideVersion({ user: writer, input: guideInput(audience, title), now });
    await publishGuide({ user: writer, articleId, version: 1, now });
    const { slug } = await db.guideArticle.findUniqueOrThrow({ where: { id: articleId } });
    if (audience === "sagir/sagir-user") sagirGuideSlug = slug;
    else moGuideSlug = slug;
  }
  await db.userSagirGroup.create({ data: { userId: await idOf("sagir@mfq.exemple.qc.ca"), groupId: "rh" } });
  sentCommuniqueId = (await saveCommuniqueDraft({ user: managerOf(), input: communiqueInput(), now, files: [{ filename: "avis.pdf", contentType: "application/pdf", content: pdf, sha256: "1".repeat(64) }] })).id;
  await sendCommunique({ user: managerOf(), id: sentCommuniqueId, send: { when: "now", sendAt: null }, now });
  await runCommuniqueCycle(db, now);
  contactId = (await db.externalContact.create({ data: { serviceId: "sagir", name: "Pilotes DGGIR", email: "pilotes@dggir.exemple.qc.ca" }, select: { id: true } })).id;
});
afterAll(() => db.$disconnect());

describe.each(Object.keys(USE_CASES))("%s", (useCase) => {
  it.each(PEOPLE.map((who) => [who, expected(useCase, who)] as const))("%s → %s", async (who, outcome) => {
    const run = USE_CASES[useCase]!(users.get(who)!);
    if (outcome === "ok") await expect(run).resolves.not.toThrow();
    else await expect(run).rejects.toMatchObject({ code: outcome });
  });
});

it("a refused call changed nothing: the numbers of requests, messages, users and events are those of the allowed calls", async () => {
  // Allowed calls above: 3 dotation + 2 SAGIR requests created (plus the 3 of the setup), 2 + 2 replies, 2 questions about a communiqué.
  expect(await db.request.count()).toBe(3 + 3 + 2 + 2);
  expect(await db.message.count({ where: { authorKind: "requester" } })).toBe(8 + 4 + 2);
  expect(await db.user.count({ where: { email: { startsWith: "invitee" } } })).toBe(1);
});
