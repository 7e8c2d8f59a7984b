import "server-only";
// SAGIR's Outil Requête: a signed-in SAGIR user (or their MO's pilot) of an MO that adhered to
// SAGIR support submits one of the seven typed requests. Channel `request-tool`: the 24-hour
// take-in-charge target is fixed at receipt. A departure notice is checked against its 48-hour
// lead time (spec §6): a late one is accepted, flagged `lateNotice` and made urgent. Its day and
// month of birth go to their own table, never into `details`, the subject or the message.
import { assessDepartureNotice, departureLeadTime, formatIsoDate, SAGIR_TYPE_LABELS } from "@/domain/requests/sagir-request";
import type { TSagirRequestInput } from "@/schemas/sagir-request";
import { requireCentreAccess } from "@/server/auth/authorize";
import type { CurrentUser } from "@/server/auth/current-user";
import { getCatalogue } from "@/server/services/get-catalogue";
import { openRequest, type OpenedRequest } from "@/server/services/open-request";
import type { CheckedFile } from "@/server/storage/attachment-store";

export type CreateSagirRequestOptions = { user: CurrentUser | null; input: TSagirRequestInput; receivedAt: Date; files?: readonly CheckedFile[]; language?: "fr" | "en" };

export type CreatedSagirRequest = OpenedRequest & {
  /** Departure notices only: received less than 48 business-day hours before the planned entry. */
  lateNotice: boolean | null;
  earliestOnTimeEntryDate: string | null;
};

type Content = {
  subject: string;
  body: string;
  details: Record<string, string | number | boolean | null>;
  personalData: { birthDay: number; birthMonth: number } | null;
  forceUrgent: boolean;
  departure: { lateNotice: boolean; earliestOnTimeEntryDate: string } | null;
};

const clip = (text: string, max = 150) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** When a form has no free text of its own, the first message says what was sent. */
const summary = (type: TSagirRequestInput["type"]) => `${SAGIR_TYPE_LABELS[type].fr} : voir les renseignements de la requête.`;

async function contentOf(input: TSagirRequestInput, receivedAt: Date): Promise<Content> {
  const none = { personalData: null, forceUrgent: false, departure: null };
  switch (input.type) {
    case "access":
      return { ...none, subject: input.subject, body: input.description, details: { accessKind: input.accessKind, userName: input.userName } };
    case "self-service":
      return { ...none, subject: input.subject, body: input.description, details: { module: input.module, profile: input.profile } };
    case "specialised":
      return { ...none, subject: input.subject, body: input.description, details: { domain: input.domain } };
    case "parametrization":
      return { ...none, subject: input.subject, body: input.description, details: { module: input.module } };
    case "training":
      return {
        ...none,
        subject: clip(`Inscription à la formation SGA — ${input.course}`),
        body: input.notes ?? summary(input.type),
        details: { course: input.course, participants: input.participants, preferredPeriod: input.preferredPeriod },
      };
    case "arrival":
      return {
        ...none,
        // No name in the subject: subjects appear in lists, names are personal information.
        subject: `Arrivée d'un employé — entrée en fonction le ${formatIsoDate(input.startDate, "fr")}`,
        body: input.notes ?? summary(input.type),
        details: {
          employeeName: input.employeeName,
          employeeNumber: input.employeeNumber,
          startDate: input.startDate,
          workEmail: input.workEmail,
          accessRequested: input.accessRequested,
          parametrizationNeeds: input.parametrizationNeeds,
        },
      };
    case "departure": {
      const { engine } = await getCatalogue();
      const notice = assessDepartureNotice(engine, receivedAt.getTime(), input.sagirEntryDate);
      return {
        subject: `Départ d'un employé — départ le ${formatIsoDate(input.departureDate, "fr")}`,
        body: input.notes ?? summary(input.type),
        details: {
          employeeName: input.employeeName,
          employeeNumber: input.employeeNumber,
          departureDate: input.departureDate,
          sagirEntryDate: input.sagirEntryDate,
          accessToRemove: input.accessToRemove,
          lateNotice: notice.late,
          earliestOnTimeEntryDate: notice.earliestOnTimeEntryDate,
        },
        personalData: { birthDay: input.birthDay, birthMonth: input.birthMonth },
        forceUrgent: notice.late,
        departure: { lateNotice: notice.late, earliestOnTimeEntryDate: notice.earliestOnTimeEntryDate },
      };
    }
  }
}

export async function createSagirRequest({ user, input, receivedAt, files = [], language = "fr" }: CreateSagirRequestOptions): Promise<CreatedSagirRequest> {
  const requester = requireCentreAccess(user, "sagir");
  const content = await contentOf(input, receivedAt);
  const opened = await openRequest({
    serviceId: "sagir",
    audienceId: "sagir-user",
    channel: "request-tool",
    type: input.type,
    subject: content.subject,
    body: content.body,
    urgent: input.urgent || content.forceUrgent,
    receivedAt,
    details: { ...content.details, contactPhone: input.contactPhone },
    personalData: content.personalData,
    requester: { kind: "user", userId: requester.id, organizationId: requester.organization.id, email: requester.email },
    files,
    language,
  });
  return {
    ...opened,
    lateNotice: content.departure?.lateNotice ?? null,
    earliestOnTimeEntryDate: content.departure?.earliestOnTimeEntryDate ?? null,
  };
}

/** For the departure form, before submission: the first entry date a notice sent now is on time for. */
export async function departureLeadTimeAt(now: Date): Promise<{ earliestOnTimeEntryDate: string; leadEndsAt: Date }> {
  const { engine } = await getCatalogue();
  const lead = departureLeadTime(engine, now.getTime());
  return { earliestOnTimeEntryDate: lead.earliestOnTimeEntryDate, leadEndsAt: new Date(lead.leadEndsAt) };
}
