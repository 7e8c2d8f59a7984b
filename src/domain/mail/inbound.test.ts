import { describe, expect, it } from "vitest";
import { cleanMailText, cleanSubject, guessLanguage, isAutomaticMessage, isBounce, messageIdsIn, requestNumberIn, splitQuoted, threadIdsOf } from "./inbound";

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name.toLowerCase()] ?? null });

describe("requestNumberIn", () => {
  it.each([
    ["[SAG-2026-000045] Re: accès", "SAG-2026-000045"],
    ["RE: votre demande cad-2026-000123", "CAD-2026-000123"],
    ["Question (CAD-2026-000123)", "CAD-2026-000123"],
    ["CAD-2026-12345 trop court", null],
    ["XCAD-2026-000123", null],
    ["", null],
  ])("%s → %s", (subject, number) => expect(requestNumberIn(subject)).toBe(number));
});

describe("isAutomaticMessage", () => {
  it.each([
    [{ "auto-submitted": "auto-replied" }, "a@b.ca", true],
    [{ "auto-submitted": "no" }, "a@b.ca", false],
    [{ precedence: "bulk" }, "a@b.ca", true],
    [{ precedence: "list" }, "a@b.ca", true],
    [{ precedence: "first-class" }, "a@b.ca", false],
    [{ "x-autoreply": "yes" }, "a@b.ca", true],
    [{ "x-auto-response-suppress": "OOF, AutoReply" }, "a@b.ca", true],
    [{ "list-id": "<liste.exemple>" }, "a@b.ca", true],
    [{}, "MAILER-DAEMON@mx.ca", true],
    [{}, "no-reply@exemple.ca", true],
    [{}, "ne-pas-repondre@exemple.ca", true],
    [{}, "noreply+abc@exemple.ca", true],
    [{}, "norbert@exemple.ca", false],
    [{}, null, true],
    [{ "message-id": "<abc@guichet.gouv.qc.ca>" }, "x@y.ca", true],
    [{ "message-id": "<abc@ailleurs.ca>" }, "x@y.ca", false],
  ] as const)("%j from %s → %s", (h, from, expected) => expect(isAutomaticMessage(headers(h), from, "guichet.gouv.qc.ca")).toBe(expected));
});

describe("isBounce", () => {
  it.each([
    ['multipart/report; report-type=delivery-status; boundary="x"', "mailer-daemon@mx.ca", "", true],
    ['multipart/report; report-type="delivery-status"', "x@y.ca", "x@y.ca", true],
    ["multipart/report; report-type=disposition-notification", "x@y.ca", "x@y.ca", false],
    ["text/plain", "MAILER-DAEMON@mx.ca", "", true],
    ["text/plain", "MAILER-DAEMON@mx.ca", "someone@mx.ca", false],
    ["text/plain", "person@mx.ca", "", false],
  ])("%s from %s (envelope %j) → %s", (type, from, envelope, expected) => expect(isBounce(type, from, envelope)).toBe(expected));
});

describe("thread ids", () => {
  it("reads Message-IDs, the In-Reply-To first, then References from the most recent", () => {
    expect(threadIdsOf("<c@x>", "<a@x> <b@x> <c@x>")).toEqual(["<c@x>", "<b@x>", "<a@x>"]);
    expect(threadIdsOf(null, ["<a@x>", "<b@x>"])).toEqual(["<b@x>", "<a@x>"]);
    expect(threadIdsOf("garbage", null)).toEqual([]);
    expect(messageIdsIn("Message-ID: <1@g.ca>\nIn-Reply-To: <2@g.ca> <1@g.ca>")).toEqual(["<1@g.ca>", "<2@g.ca>"]);
  });
});

describe("splitQuoted", () => {
  it.each([
    ["Merci!\n\nLe mar. 1 déc. 2026 à 10:00, Guichet a écrit :\n> Bonjour", "Merci!", "Le mar. 1 déc. 2026 à 10:00, Guichet a écrit :\n> Bonjour"],
    ["Thanks\n\nOn Tue, Dec 1, 2026 at 10:00 AM Guichet wrote:\n> Hello", "Thanks", "On Tue, Dec 1, 2026 at 10:00 AM Guichet wrote:\n> Hello"],
    ["Réponse\n-- \nJeanne Roy\nMinistère", "Réponse", "-- \nJeanne Roy\nMinistère"],
    ["Oui.\n\n-----Message d'origine-----\nDe : Guichet", "Oui.", "-----Message d'origine-----\nDe : Guichet"],
    ["Ok\n\nDe : Guichet <x@y.ca>\nEnvoyé : 1 décembre 2026\nObjet : test", "Ok", "De : Guichet <x@y.ca>\nEnvoyé : 1 décembre 2026\nObjet : test"],
    ["De : mon point de vue, c'est réglé.\nMerci", "De : mon point de vue, c'est réglé.\nMerci", null],
    ["Texte\n> cité au milieu\nsuite", "Texte\n> cité au milieu\nsuite", null],
    ["> tout est cité\n> encore", "> tout est cité\n> encore", null],
    ["Simple message.", "Simple message.", null],
  ])("%j", (text, body, quoted) => expect(splitQuoted(text)).toEqual({ body, quoted }));
});

describe("guessLanguage", () => {
  it.each([
    ["Bonjour, je n'arrive pas à me connecter à mon compte. Merci de votre aide.", "fr"],
    ["Hello, I cannot sign in to my account. Could you please help me? Thank you.", "en"],
    ["OK", "fr"],
    ["Password", "fr"],
  ])("%s → %s", (text, language) => expect(guessLanguage(text)).toBe(language));
});

describe("cleanMailText and cleanSubject", () => {
  it("drops what no person types, keeps line breaks and tabs", () => {
    expect(cleanMailText("a\u0000b\r\nc\td\u001b[31me\u0007\ufffe\uffff")).toBe("ab\nc\tde");
    expect(cleanMailText("x\ud800y")).toBe("xy");
    expect(cleanMailText("ok \u{1F600}")).toBe("ok \u{1F600}");
  });
  it.each([
    ["Re: RE: TR: [CAD-2026-000001] Mon compte", "Mon compte"],
    ["Fwd: Question", "Question"],
    ["  ", ""],
    [null, ""],
  ])("%j → %j", (subject, cleaned) => expect(cleanSubject(subject)).toBe(cleaned));
});
