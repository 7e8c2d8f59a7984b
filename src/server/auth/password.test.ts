import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and only it", async () => {
    const stored = await hashPassword("Guichet-2026!");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("Guichet-2026!", stored)).toBe(true);
    expect(await verifyPassword("guichet-2026!", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("même mot de passe")).not.toBe(await hashPassword("même mot de passe"));
  });

  it("treats composed and decomposed accents alike", async () => {
    const stored = await hashPassword("Québec");
    expect(await verifyPassword("Que\u0301bec", stored)).toBe(true);
  });

  it("rejects a malformed stored value", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });
});
