// The layout of the staff areas (console, management, administration): used all day on wide
// screens, their pages take the whole width (the root layout widens its header, main and footer
// when a page holds [data-wide]); their forms use next-intl on the client (intl-client-layout.tsx).
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

export default function WideLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      <div data-wide="">{children}</div>
    </NextIntlClientProvider>
  );
}
