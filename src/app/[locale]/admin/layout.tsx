// Staff area: full width and client messages (src/components/wide-layout.tsx).
export { default } from "@/components/wide-layout";
