// npm run -s bench:guides — the guides' French search and the suggestions while someone types, on
// 5,000 articles (made once, marked `bench2-…`, in the benchmark database of bench:queue): a search
// (every word, typos by trigrams, ranked, highlighted excerpts of the 20 shown) and the three
// suggestions of an audience for a typed sentence (any word). Targets: search p95 ≤ 30 ms,
// suggestions p95 ≤ 50 ms. Prints the machine, the figures, and the verdicts last.
import os from "node:os";
import { measure } from "../measure";
import { openBenchDatabase } from "../queue/database";

const ARTICLES = 5000;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const SEARCH_TARGET_MS = 30;
const SUGGEST_TARGET_MS = 50;
const { stop } = await openBenchDatabase();
const { getDb } = await import("../../src/server/db/client");
const { searchGuides, suggestGuides } = await import("../../src/server/services/guides");
const { toCurrentUser } = await import("../../src/server/auth/session-user");
const { findSessionUser } = await import("../../src/server/repositories/user-repository");

const db = getDb();
// Words of the centres' questions, drawn into titles and bodies (a fixed sequence: the same articles each time).
const WORDS = (
  "mot passe oublié compte portail carrières candidature dossier offre emploi affichage délai concours qualification processus " +
  "bassin personnes qualifiées inscription courriel lien connexion profil accès SAGIR employé gestionnaire ressources humaines " +
  "financières matérielles paie dépôt curriculum vitae document pièce jointe validation identité ministère organisme spécialiste " +
  "dotation rapport mensuel nomination promotion mutation classement examen résultat convocation entrevue évaluation réussite " +
  "échec révision demande formulaire requête urgence téléphone heures ouverture fermeture jours fériés semaine mercredi mardi " +
  "libre-service module segment comptable budget engagement facture paiement fournisseur commande réquisition approbation " +
  "sécurité rôle utilisateur pilote formation cours inscription calendrier horaire départ arrivée retraite congé absence " +
  "télétravail poste vacant titre emploi catégorie fonctionnaire occasionnel étudiant stagiaire recrutement sélection"
).split(" ");
let seed = 20261206;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
const words = (n: number) => Array.from({ length: n }, () => WORDS[next() % WORDS.length]).join(" ");
// An article is about something: its words are mostly its topic's (6 words of 300 topics), with
// one in ten drawn from the whole vocabulary — not 130 random words each, which no knowledge base has.
const TOPICS = Array.from({ length: 300 }, () => Array.from({ length: 6 }, () => WORDS[next() % WORDS.length]!));
const about = (topic: readonly string[], n: number) => Array.from({ length: n }, () => (next() % 10 === 0 ? WORDS[next() % WORDS.length] : topic[next() % topic.length])).join(" ");
const AUDIENCES = [
  ["ca-dotation", "candidate"],
  ["ca-dotation", "mo-specialist"],
  ["sagir", "sagir-user"],
] as const;

// Generated again when the generator changes (its version in the slugs).
// BENCH_GUIDES_DENSE=1: the worst case instead — every article 130 words drawn from the whole vocabulary
// (each word then in about half the articles, so a search ranks thousands of them).
const DENSE = process.env.BENCH_GUIDES_DENSE === "1";
const GENERATION = DENSE ? "bench-dense-" : "bench2-";
await db.guideArticle.deleteMany({ where: { slug: { startsWith: "bench" }, NOT: { slug: { startsWith: GENERATION } } } });
const existing = await db.guideArticle.count({ where: { slug: { startsWith: GENERATION } } });
if (existing < ARTICLES) {
  const now = new Date();
  for (let start = existing; start < ARTICLES; start += 500) {
    await db.guideArticle.createMany({
      data: Array.from({ length: Math.min(500, ARTICLES - start) }, (_, k) => {
        const i = start + k;
        const [serviceId, audienceId] = AUDIENCES[i % 3]!;
        const topic = TOPICS[i % TOPICS.length]!;
        const title = `${DENSE ? words(5) : about(topic, 5)} ${i}`;
        const body = Array.from({ length: 4 }, () => `${DENSE ? words(30) : about(topic, 30)}.`).join("\n\n");
        // One in ten archived or never published: the partial indexes leave them out.
        const status = i % 10 === 9 ? "archived" : i % 10 === 8 ? "draft" : "published";
        return { serviceId, audienceId, slug: `${GENERATION}${i}`, status, category: words(1), titleFr: title, bodyFr: body, publishedVersion: 1, publishedAt: now, createdAt: now };
      }),
    });
  }
  await db.$executeRawUnsafe("ANALYZE guide_article");
}
const published = await db.guideArticle.count({ where: { status: "published" } });
const admin = toCurrentUser((await findSessionUser(db, (await db.user.findUniqueOrThrow({ where: { email: "admin@cspq.exemple.qc.ca" } })).id))!)!;

const SEARCHES = ["mot de passe oublié", "délai affichage offre", "mot de pase", "accès SAGIR profil", "bassin de personnes qualifiées", "facture fournisseur", "congé retraite", "examen résultat convocation"];
const SENTENCES = ["J'ai oublié mon mot de passe du portail", "Quel est le délai d'affichage d'une offre d'emploi", "Comment demander un accès à SAGIR pour un employé", "Mon examen de qualification: quand aurai-je le résultat"];
let s = 0;
let t = 0;
console.log(`bench:guides — ${ARTICLES.toLocaleString("fr-CA")} articles générés${DENSE ? " (cas dense)" : ""} (${published.toLocaleString("fr-CA")} publiés en tout); ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}; Node ${process.version}; ${RUNS} mesures`);
console.log("mesure                                      | résultats | p50 (ms) | p95 (ms)");
const search = await measure(async () => (await searchGuides({ user: admin, query: SEARCHES[s++ % SEARCHES.length]!, locale: "fr", db })).length, RUNS);
console.log(`${"recherche (tous les mots, 20 extraits)".padEnd(43)} | ${String(search.result).padStart(9)} | ${search.p50.toFixed(1).padStart(8)} | ${search.p95.toFixed(1).padStart(8)}`);
const suggest = await measure(async () => {
  const [serviceId, audienceId] = AUDIENCES[t % 3]!;
  return (await suggestGuides({ user: admin, audience: { serviceId, audienceId }, subject: SENTENCES[t++ % SENTENCES.length]!, locale: "fr", db })).length;
}, RUNS);
console.log(`${"suggestions (une phrase, 3 articles)".padEnd(43)} | ${String(suggest.result).padStart(9)} | ${suggest.p50.toFixed(1).padStart(8)} | ${suggest.p95.toFixed(1).padStart(8)}`);
console.log(`Recherche p95 : ${search.p95.toFixed(1)} ms (${search.p95 <= SEARCH_TARGET_MS ? "objectif ≤ 30 ms atteint" : "objectif ≤ 30 ms manqué"}).`);
console.log(`Suggestions p95 : ${suggest.p95.toFixed(1)} ms (${suggest.p95 <= SUGGEST_TARGET_MS ? "objectif ≤ 50 ms atteint" : "objectif ≤ 50 ms manqué"}).`);
await db.$disconnect();
await stop();
