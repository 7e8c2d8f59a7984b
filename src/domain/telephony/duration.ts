// A call's or a message's length as telephone systems and wallboards show it: `3:05` (minutes,
// seconds); and as a screen reader should say it: `3 min 05 s`.

export function clockDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

export function spokenDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}
