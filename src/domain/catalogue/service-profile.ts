// What the public pages say about each service and audience: contact points and scope, taken
// from the CSPQ service descriptions in shared/seeds. Plain data, seeded with the catalogue.
import type { AudienceId, ServiceId } from "./types";

export type LocalizedText = { fr: string; en: string };

export type ContactPoint = {
  kind: "phone" | "email" | "form" | "note";
  label: LocalizedText;
  /** Phone number or e-mail address, as written in the source document. */
  value?: string;
  /** Extra line under the contact point ("general information only", …). */
  note?: LocalizedText;
};

export type AudienceProfile = {
  audienceId: AudienceId;
  name: LocalizedText;
  summary: LocalizedText;
  covers: readonly LocalizedText[];
  doesNotCover: readonly LocalizedText[];
  contacts: readonly ContactPoint[];
  /** Written channels through which "if you write to us now" applies (the first one is shown). */
  writtenChannel: string | null;
};

export type ServiceProfile = {
  serviceId: ServiceId;
  slug: string;
  name: LocalizedText;
  shortName: LocalizedText;
  description: LocalizedText;
  prerequisites: readonly LocalizedText[];
  audiences: readonly AudienceProfile[];
  moreInformation: readonly ContactPoint[];
};
