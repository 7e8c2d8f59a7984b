// npm run -s mail:send -- [--to carrieres@cspq.gouv.qc.ca] [--from vous@exemple.ca] [--subject …] [--text …] [--attach fichier]
// Sends one message to the SMTP receiver of a running `npm run dev` (localhost:GUICHET_SMTP_PORT), as
// the centre's mail server would forward it: a way to try the e-mail channel by hand.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import nodemailer from "nodemailer";

const { values } = parseArgs({
  options: {
    to: { type: "string", default: "carrieres@cspq.gouv.qc.ca" },
    from: { type: "string", default: "Camille Essai <camille.essai@courriel.exemple>" },
    subject: { type: "string", default: "Essai du canal courriel" },
    text: { type: "string", default: "Bonjour, je n'arrive pas à me connecter à mon compte. Pouvez-vous m'aider ?\n\nMerci" },
    attach: { type: "string" },
    port: { type: "string", default: process.env.GUICHET_SMTP_PORT ?? "2525" },
  },
});
const transport = nodemailer.createTransport({ host: "127.0.0.1", port: Number(values.port), secure: false, ignoreTLS: true });
try {
  const info = await transport.sendMail({
    from: values.from,
    to: values.to,
    subject: values.subject,
    text: values.text,
    ...(values.attach ? { attachments: [{ filename: path.basename(values.attach), content: readFileSync(values.attach) }] } : {}),
  });
  console.log(`guichet: envoyé à ${values.to} — le récepteur a répondu « ${info.response} »`);
} catch (error) {
  const e = error as { responseCode?: number; response?: string; message: string };
  console.error(`guichet: refusé — ${e.response ?? e.message.split("\n")[0]}`);
  process.exitCode = 1;
} finally {
  transport.close();
}
