import { describe, expect, it } from "vitest";
import { signWebhook, webhookSignatureProblem } from "./webhook-signature";

const SECRET = "secret-partagé-avec-la-téléphonie";
const NOW = Date.parse("2026-11-23T15:00:00Z");
const T = NOW / 1000;
const BODY = '{"callId":"pbx-1","event":"queued","line":"sagir","at":"2026-11-23T15:00:00Z"}';

describe("webhookSignatureProblem", () => {
  it.each([
    ["a good signature", String(T), signWebhook(SECRET, T, BODY), BODY, null],
    ["a good signature 4 minutes old", String(T - 240), signWebhook(SECRET, T - 240, BODY), BODY, null],
    ["6 minutes old: stale", String(T - 360), signWebhook(SECRET, T - 360, BODY), BODY, "stale"],
    ["6 minutes ahead: stale", String(T + 360), signWebhook(SECRET, T + 360, BODY), BODY, "stale"],
    ["no timestamp", null, signWebhook(SECRET, T, BODY), BODY, "missing"],
    ["no signature", String(T), null, BODY, "missing"],
    ["a timestamp that is no number", "demain", signWebhook(SECRET, T, BODY), BODY, "stale"],
    ["the body changed", String(T), signWebhook(SECRET, T, BODY), BODY.replace("queued", "answered"), "mismatch"],
    ["another timestamp signed", String(T), signWebhook(SECRET, T - 1, BODY), BODY, "mismatch"],
    ["another secret", String(T), signWebhook("autre", T, BODY), BODY, "mismatch"],
    ["a truncated signature", String(T), signWebhook(SECRET, T, BODY).slice(0, 20), BODY, "mismatch"],
  ])("%s", (_, timestamp, signature, body, expected) => expect(webhookSignatureProblem(SECRET, { timestamp, signature }, body, NOW)).toBe(expected));
});
