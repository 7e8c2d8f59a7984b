"use client";
// Submits the surrounding GET form when one of its selects or checkboxes changes (the queue's
// filters); the form's own button still works without JavaScript or with the keyboard.
import { useEffect, useRef } from "react";

export function SubmitOnChange() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const onChange = (event: Event) => {
      const target = event.target as HTMLElement;
      if (target.tagName === "SELECT" || (target as HTMLInputElement).type === "checkbox") form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    return () => form.removeEventListener("change", onChange);
  }, []);
  return <span ref={marker} hidden />;
}
