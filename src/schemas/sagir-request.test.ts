import { describe, expect, it } from "vitest";
import { SAGIR_FORM_FIELDS, SAGIR_REQUEST_TYPES } from "@/domain/requests/sagir-request";
import { ZCreateRequestBody } from "./request-api";
import { SAGIR_SAMPLES as VALID } from "../../tests/support/sagir-samples";
import { SAGIR_SCHEMAS, ZSagirRequestInput } from "./sagir-request";

const common = { urgent: "", contactPhone: "" };

const errorsOf = (input: unknown) => {
  const result = ZSagirRequestInput.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("SAGIR forms (pages, actions and API share these schemas)", () => {
  it.each(SAGIR_REQUEST_TYPES)("a valid %s request parses", (type) => {
    expect(errorsOf({ ...VALID[type], ...common })).toEqual({});
  });

  it.each(SAGIR_REQUEST_TYPES)("the %s schema has exactly the fields its form draws", (type) => {
    const schema = SAGIR_SCHEMAS.find((s) => s.shape.type.value === type)!;
    const formFields = SAGIR_FORM_FIELDS[type].flatMap((f) => (f.kind === "birth" ? ["birthDay", "birthMonth"] : [f.name]));
    expect(Object.keys(schema.shape).sort()).toEqual([...formFields, "type", "urgent", "contactPhone"].sort());
  });

  it.each(SAGIR_REQUEST_TYPES)("an empty %s form names every required field", (type) => {
    const errors = errorsOf({ type });
    const required = SAGIR_FORM_FIELDS[type].filter((f) => f.required).flatMap((f) => (f.kind === "birth" ? ["birthDay", "birthMonth"] : [f.name]));
    expect(Object.keys(errors).sort()).toEqual(required.sort());
  });

  it.each([
    [{ birthDay: "31", birthMonth: "4" }, { birthDay: "birthDay.notInMonth" }],
    [{ birthDay: "30", birthMonth: "2" }, { birthDay: "birthDay.notInMonth" }],
    [{ birthDay: "29", birthMonth: "2" }, {}],
    [{ birthDay: "", birthMonth: "13" }, { birthDay: "birthDay.invalid", birthMonth: "birthMonth.invalid" }],
    [{ birthDay: 5, birthMonth: 12 }, {}],
    [{ sagirEntryDate: "2026-02-30" }, { sagirEntryDate: "date.invalid" }],
    [{ departureDate: "04/12/2026" }, { departureDate: "date.invalid" }],
    [{ departureDate: "1999-12-31" }, { departureDate: "date.invalid" }],
  ])("departure %j → %j", (change, expected) => {
    expect(errorsOf({ ...VALID.departure, ...change })).toEqual(expected);
  });

  it("training takes 1 to 50 participants, one per line", () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Personne ${i} <p${i}@exemple.qc.ca>`).join("\n");
    expect(errorsOf({ ...VALID.training, participants: lines(50) })).toEqual({});
    expect(errorsOf({ ...VALID.training, participants: lines(51) })).toEqual({ participants: "participants.count" });
  });

  it("an arrival's e-mail is normalised and checked", () => {
    const parsed = ZSagirRequestInput.parse({ ...VALID.arrival, ...common });
    expect(parsed).toMatchObject({ workEmail: "paul.tremblay@mfq.gouv.qc.ca", employeeNumber: null, urgent: false });
    expect(errorsOf({ ...VALID.arrival, workEmail: "paul@" })).toEqual({ workEmail: "email.invalid" });
  });

  it("an unknown type is named", () => {
    expect(errorsOf({ ...VALID.access, type: "coffee" })).toEqual({ type: "sagirType.invalid" });
  });
});

describe("POST /api/v1/requests body", () => {
  it("takes the SAGIR forms under form: sagir, with their refinements", () => {
    expect(ZCreateRequestBody.safeParse({ form: "sagir", ...VALID.departure, birthDay: 17, birthMonth: 3 }).success).toBe(true);
    const bad = ZCreateRequestBody.safeParse({ form: "sagir", ...VALID.departure, birthDay: 31, birthMonth: 4 });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["birthDay", "birthDay.notInMonth"]]);
  });

  it("names a missing or unknown form and type", () => {
    const issues = (body: unknown) => {
      const r = ZCreateRequestBody.safeParse(body);
      return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(issues({ form: "autre" })).toEqual([["form", "form.invalid"]]);
    expect(issues({ form: "sagir", type: "coffee" })).toEqual([["type", "sagirType.invalid"]]);
  });
});
