// npm run -s admin -- create-admin <e-mail> [--name "Prénom Nom"]
// Bootstraps an installation on its own database (DATABASE_URL): brings the schema up to date and
// seeds the catalogue (never demo data), then makes the first administrator and prints a single-use
// link, valid 24 hours, where they choose their password. Bad input: exit 2 and one line on stderr;
// an account that exists already: exit 1, nothing changed.
import { ZEmail } from "../src/schemas/fields";
import { createDb } from "../src/server/db/client";
import { prepareDatabase } from "../src/server/db/prepare-database";
import { AppError } from "../src/server/errors";
import { mailBaseUrl } from "../src/server/mail/settings";
import { createFirstAdmin } from "../src/server/services/bootstrap-admin";

const USAGE = 'usage: npm run -s admin -- create-admin <e-mail> [--name "Prénom Nom"]';

function fail(code: number, line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(code);
}

const [command, address, ...rest] = process.argv.slice(2);
if (command !== "create-admin" || !address) fail(2, USAGE);
const email = ZEmail.safeParse(address);
if (!email.success) fail(2, `e-mail: invalid value ${JSON.stringify(address)}`);
let name = email.data.split("@")[0]!;
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === "--name" && rest[i + 1]?.trim()) name = rest[++i]!.trim().slice(0, 120);
  else fail(2, `${rest[i]}: unknown option — ${USAGE}`);
}
const url = process.env.DATABASE_URL;
if (!url) fail(2, "DATABASE_URL: missing — the database of the installation to bootstrap (npm run dev makes its own, with demo accounts)");

const now = new Date();
await prepareDatabase(url, now, { demo: false });
const db = createDb(url);
try {
  const admin = await createFirstAdmin(db, { email: email.data, name, now, baseUrl: mailBaseUrl() });
  process.stdout.write(
    `${admin.renewed ? "Nouveau lien pour" : "Compte d'administration créé :"} ${admin.email}\n` +
      `Lien pour choisir le mot de passe (une seule fois, jusqu'au ${admin.expiresAt.toISOString()}) :\n${admin.url}\n`,
  );
} catch (error) {
  if (error instanceof AppError && error.localized) fail(1, error.localized.fr);
  throw error;
} finally {
  await db.$disconnect();
}
