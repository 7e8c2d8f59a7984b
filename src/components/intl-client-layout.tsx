// The layout of the signed-in areas, the sign-in and the tracking pages: their forms use next-intl
// on the client, so their messages go to the browser there. The public pages have none: their few
// client components take their words from the server.
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

export default function IntlClientLayout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
