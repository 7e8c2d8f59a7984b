// Prisma 6.19 configuration for the offline Wasm schema engine (authoring and drift checks only;
// the app runs Prisma 7). Used from a temporary folder that holds a copy of prisma/schema.prisma
// with a `url` added (Prisma 6 requires it, Prisma 7 forbids it). Three workarounds for
// prisma/orm#27403 and the shadow database of the pg adapter:
//   1. catalog columns of type `name`/`name[]`/"char" are reported to the adapter as text/text[];
//   2. the shadow database is reached with separate host/port/user/database fields (a
//      connectionString would win over the `database` override and hit the main database);
//   3. the shadow pool is closed before the shadow database is dropped.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

type Field = { dataTypeID: number; wasChar?: boolean };
const TEXT_OID: Record<number, number> = { 19: 25, 18: 25, 1003: 1009, 1002: 1009 };
const ResultProto = (pg as unknown as { Result: { prototype: { addFields(f: Field[]): void } } }).Result.prototype;
const addFields = ResultProto.addFields;
ResultProto.addFields = function (fields) {
  for (const field of fields) {
    if (field.dataTypeID === 18) field.wasChar = true;
    field.dataTypeID = TEXT_OID[field.dataTypeID] ?? field.dataTypeID;
  }
  return addFields.call(this, fields);
};

// The schema engine reads "char" catalog columns (relkind, contype, …) as characters.
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils
type Queryable = {
  performIO(query: unknown): Promise<{ fields: Field[]; rows: unknown[] }>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[]; rows: unknown[] }>;
};
function readCharColumnsAsCharacters<T>(adapter: T): T {
  const q = adapter as unknown as Queryable;
  const fieldsOf = new WeakMap<object, Field[]>();
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    // A multi-statement script yields an array of results, with no rows of its own.
    if (!Array.isArray(result) && result.rows) fieldsOf.set(result.rows, result.fields);
    return result;
  };
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const fields = fieldsOf.get(result.rows);
    if (fields) result.columnTypes = result.columnTypes.map((t, i) => (fields[i]?.wasChar ? CHARACTER_COLUMN : t));
    return result;
  };
  return adapter;
}

function connectionFields(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
  };
}

class OfflinePg extends PrismaPg {
  private readonly fields: ReturnType<typeof connectionFields>;

  constructor(url: string) {
    const fields = connectionFields(url);
    super(fields);
    this.fields = fields;
  }

  override async connect() {
    return readCharColumnsAsCharacters(await super.connect());
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = readCharColumnsAsCharacters(await new PrismaPg({ ...this.fields, database }).connect());
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadow();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  adapter: async () => new OfflinePg(process.env.DATABASE_URL!),
});
