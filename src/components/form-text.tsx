"use client";
// The few words every form's fields share ("obligatoire", "facultatif", the colon's spacing), given
// by the root layout in the page's language. Forms read them here rather than through next-intl's
// client provider, so that a public page's form needs no message-formatting library in the browser.
import { createContext, useContext, type ReactNode } from "react";

export type FormText = { required: string; optional: string; separator: string };

const Context = createContext<FormText>({ required: "obligatoire", optional: "facultatif", separator: " : " });

export function FormTextProvider({ text, children }: { text: FormText; children: ReactNode }) {
  return <Context.Provider value={text}>{children}</Context.Provider>;
}

export function useFormText(): FormText {
  return useContext(Context);
}
