// The demo's guides (a developer's own embedded database only, like the demo requests): a few
// published articles per audience, so the guides, the search and the suggestions have something
// to show. Written as version 1 and published at once; never on a database that has articles.
// And the satisfaction of some answered demo requests, resolved an hour after their answer.
import { slugOf } from "@/domain/guides/guides";
import { toCurrentUser } from "@/server/auth/session-user";
import type { Db } from "@/server/db/client";
import { findSessionUser } from "@/server/repositories/user-repository";
import { changeRequestStatus } from "@/server/services/handle-request";

const DEMO_GUIDES = [
  {
    audience: ["ca-dotation", "candidate"],
    category: "Mon compte",
    titleFr: "Mot de passe oublié du portail Carrières",
    bodyFr:
      "Vous ne pouvez plus entrer dans votre dossier de candidature ?\n\n1. Ouvrez la page de connexion du portail Carrières.\n2. Choisissez **Mot de passe oublié**.\n3. Entrez l'adresse courriel de votre dossier : un lien vous est envoyé, valide une heure.\n\nLe lien n'arrive pas ? Regardez dans vos courriels indésirables, puis écrivez-nous.",
    titleEn: "Forgotten password of the Carrières portal",
    bodyEn: "Cannot get into your application file?\n\n1. Open the Carrières portal's sign-in page.\n2. Choose **Forgotten password**.\n3. Enter your file's e-mail address: a link is sent to you, valid one hour.",
  },
  {
    audience: ["ca-dotation", "candidate"],
    category: "Candidatures",
    titleFr: "Suivre l'état de ma candidature",
    bodyFr: "L'état de chacune de vos candidatures est affiché dans votre dossier, section **Mes candidatures**. Un changement d'état vous est aussi annoncé par courriel.\n\nPour une question sur votre propre dossier, appelez-nous : nous devons valider votre identité.",
    titleEn: "",
    bodyEn: "",
  },
  {
    audience: ["ca-dotation", "mo-specialist"],
    category: "Systèmes de dotation",
    titleFr: "Produire le rapport mensuel des processus",
    bodyFr: "Le rapport mensuel se produit dans le système de dotation en ligne, menu **Rapports**, choix *Processus par mois*. Choisissez le mois, puis l'organisation.\n\nLe rapport ne contient que les processus que votre profil vous permet de voir.",
    titleEn: "",
    bodyEn: "",
  },
  {
    audience: ["sagir", "sagir-user"],
    category: "Accès",
    titleFr: "Demander un accès à SAGIR pour un nouvel employé",
    bodyFr: "Une demande d'accès se fait dans l'**Outil Requête**, type *Accès à SAGIR*. Indiquez le profil voulu et la date d'entrée en fonction.\n\nComptez 24 heures ouvrables pour la prise en charge. Le pilote de votre organisation peut vous aider à choisir le profil.",
    titleEn: "",
    bodyEn: "",
  },
] as const;

/** Publishes the demo guides if the database has no article; returns how many it made. */
export async function seedDemoGuides(db: Db, now: Date): Promise<number> {
  if ((await db.guideArticle.count()) > 0) return 0;
  for (const g of DEMO_GUIDES) {
    const [serviceId, audienceId] = g.audience;
    await db.guideArticle.create({
      data: {
        serviceId,
        audienceId,
        slug: slugOf(g.titleFr),
        status: "published",
        category: g.category,
        titleFr: g.titleFr,
        titleEn: g.titleEn || null,
        bodyFr: g.bodyFr,
        bodyEn: g.bodyEn || null,
        publishedVersion: 1,
        publishedAt: now,
        createdAt: now,
        versions: { create: { number: 1, category: g.category, titleFr: g.titleFr, titleEn: g.titleEn, bodyFr: g.bodyFr, bodyEn: g.bodyEn, createdAt: now, publishedAt: now } },
      },
    });
  }
  return DEMO_GUIDES.length;
}

const DEMO_OPINIONS = [
  { satisfied: true, comment: null },
  { satisfied: true, comment: "Réponse rapide et claire, merci." },
  { satisfied: false, comment: "La réponse est arrivée, mais il a fallu relancer." },
  { satisfied: true, comment: null },
  { satisfied: false, comment: null },
  { satisfied: true, comment: "Le guide joint m'a permis de régler le problème moi-même." },
] as const;

/**
 * Resolves the answered demo requests (through the use case: the question is asked) an hour after
 * their answer, and answers the question for most of them a day later (the last one left unanswered).
 * Returns how many were resolved; nothing when some request is already resolved.
 */
export async function seedDemoSatisfaction(db: Db, now: Date): Promise<number> {
  if ((await db.requestSatisfaction.count()) > 0) return 0;
  const answered = await db.request.findMany({
    where: { status: { in: ["in_progress", "waiting_requester"] }, messages: { some: { authorKind: "agent", visibility: "public", replyKind: "answer" } } },
    select: { id: true, number: true, serviceId: true, version: true, messages: { where: { authorKind: "agent", replyKind: "answer" }, select: { at: true, authorUserId: true }, orderBy: { at: "desc" }, take: 1 } },
    orderBy: { receivedAt: "asc" },
    take: 12,
  });
  let resolved = 0;
  for (const [i, r] of answered.entries()) {
    const answer = r.messages[0]!;
    const at = new Date(answer.at.getTime() + 3_600_000);
    if (!answer.authorUserId || at > now) continue;
    const agent = toCurrentUser((await findSessionUser(db, answer.authorUserId))!);
    await changeRequestStatus({ user: agent, number: r.number, expectedVersion: r.version, now: at, status: "resolved" });
    resolved += 1;
    const opinion = DEMO_OPINIONS[i % DEMO_OPINIONS.length]!;
    const answeredAt = new Date(at.getTime() + 86_400_000);
    if (i < answered.length - 1 && answeredAt <= now) {
      await db.requestSatisfaction.update({ where: { requestId: r.id }, data: { answeredAt, satisfied: opinion.satisfied, comment: opinion.comment } });
    }
  }
  return resolved;
}
