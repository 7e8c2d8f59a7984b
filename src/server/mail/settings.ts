import "server-only";
// Where e-mail links point and what our messages are signed with, read from the environment once.

/** The public origin of links in e-mails: GUICHET_PUBLIC_URL, else NEXTAUTH_URL, else localhost. */
export function mailBaseUrl(): string {
  return (process.env.GUICHET_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/** The From header's address (the centre's name is put before it). */
export function mailFromAddress(): string {
  const from = process.env.GUICHET_MAIL_FROM ?? "ne-pas-repondre@guichet.gouv.qc.ca";
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/** The domain of our Message-IDs: replies are recognized by it, and never answered automatically. */
export function mailDomain(): string {
  return (process.env.GUICHET_MAIL_DOMAIN ?? mailFromAddress().split("@")[1] ?? "guichet.gouv.qc.ca").toLowerCase();
}
