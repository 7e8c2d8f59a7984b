"use client";
// Who else has this request open: the page reports in every 10 seconds and shows the others.
import { useEffect, useState } from "react";

/** `template` contains `{names}`. */
export function Viewers({ heartbeat, template }: { heartbeat: () => Promise<string[]>; template: string }) {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    const beat = () => heartbeat().then((n) => alive && setNames(n), () => undefined);
    void beat();
    const id = setInterval(beat, 10_000);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, [heartbeat]);
  return (
    <p aria-live="polite" data-testid="viewers" className={names.length ? "rounded border-l-4 border-amber-700 bg-amber-100 p-2 text-amber-900" : "sr-only"}>
      {names.length ? template.replace("{names}", names.join(", ")) : ""}
    </p>
  );
}
