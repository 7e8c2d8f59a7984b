import { describe, expect, it } from "vitest";
import { isConnectionError } from "./availability";

/** The shape Prisma gives a driver-adapter failure: its own code and message, the adapter's error in meta. */
const prismaWrapped = (cause: Record<string, unknown>) => Object.assign(new Error("Error occurred during query execution"), { code: "P2010", meta: { driverAdapterError: Object.assign(new Error("adapter"), { cause }) } });

describe("isConnectionError (503 rather than 500 while the database is away)", () => {
  it.each([
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["PostgreSQL shutting down (57P01), wrapped by Prisma with no message of it", prismaWrapped({ kind: "postgres", originalCode: "57P01", originalMessage: "" })],
    ["the adapter's closed connection, wrapped by Prisma", prismaWrapped({ kind: "ConnectionClosed" })],
    ["a connection exception (class 08) deep in causes", new Error("outer", { cause: new Error("inner", { cause: Object.assign(new Error("x"), { code: "08006" }) }) })],
    ["Prisma's P1017", Object.assign(new Error("Server has closed the connection."), { code: "P1017" })],
  ])("%s", (_, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaWrapped({ kind: "UniqueConstraintViolation" })],
    ["a serialization failure", Object.assign(new Error("could not serialize access"), { code: "40001" })],
    ["a plain bug", new TypeError("undefined is not a function")],
  ])("not %s", (_, error) => {
    expect(isConnectionError(error)).toBe(false);
  });
});
