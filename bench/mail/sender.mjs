// The sending side of bench:mail, in a process of its own (as the centres' mail servers are other
// machines): C connections, each reused, share N messages; prints the 250 times (ms) as JSON.
import { performance } from "node:perf_hooks";
import nodemailer from "nodemailer";

const [port, total, connections, run] = process.argv.slice(2);
const TOTAL = Number(total);
const mailboxes = ["carrieres@cspq.gouv.qc.ca", "dgsoa@cspq.gouv.qc.ca"];
const body = "Bonjour,\n\nJe n'arrive pas à accéder à mon compte depuis ce matin : le site indique que mon mot de passe est expiré. Pourriez-vous m'indiquer comment le renouveler ?\n\nMerci de votre aide.\n-- \nUne personne patiente";
const latencies = [];
let failures = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Number(connections) }, async () => {
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: Number(port), secure: false, ignoreTLS: true, pool: true, maxConnections: 1, maxMessages: Infinity });
    while (next < TOTAL) {
      const i = next++;
      const t0 = performance.now();
      try {
        await transport.sendMail({ from: `Personne ${i} <bench.${run}.${i}@courriel.exemple>`, to: mailboxes[i % 2], subject: `Accès à mon compte (${i})`, text: body, messageId: `<bench-${run}-${i}@courriel.exemple>` });
        latencies.push(performance.now() - t0);
      } catch (error) {
        failures += 1;
        process.stderr.write(`message ${i}: ${String(error?.message ?? error).split("\n")[0]}\n`);
      }
    }
    transport.close();
  }),
);
process.stdout.write(JSON.stringify({ latencies, failures, elapsedMs: performance.now() - started }));
