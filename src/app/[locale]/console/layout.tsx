// Staff area: full width and client messages (src/components/wide-layout.tsx); an agent's console
// shows the screen pop (« Appel en cours ») above every page.
import type { ReactNode } from "react";
import { CallPop } from "@/components/console/call-pop";
import WideLayout from "@/components/wide-layout";
import { getCurrentUser } from "@/server/auth/current-user";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <WideLayout>
      {user?.role === "agent" && <CallPop />}
      {children}
    </WideLayout>
  );
}
