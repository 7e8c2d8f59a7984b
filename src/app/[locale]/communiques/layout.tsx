// Communiqués: the desks' tables and forms use the width (src/components/wide-layout.tsx); a
// communiqué's text keeps a readable measure on its page.
export { default } from "@/components/wide-layout";
