// Client messages for this area: src/components/intl-client-layout.tsx.
export { default } from "@/components/intl-client-layout";
