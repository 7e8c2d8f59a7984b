// Calls made one at a time by many requests, run several at once: while `concurrency` groups are
// running, the calls that arrive wait and leave together as the next group (at most `maxGroup`).
// When the service is quiet a call leaves at once, alone; under load the groups grow by themselves,
// and a group costs one round trip and one commit where its calls cost one each (the telephone
// system's events: src/server/services/call-events.ts).
//
// `run` answers each call of a group in order: its value, or its own error (one refused call does
// not refuse the others). An error of the whole group is every call's.
export type GroupAnswer<O> = { value: O } | { error: unknown };

export function groupedCalls<I, O>(
  run: (group: readonly I[]) => Promise<GroupAnswer<O>[]>,
  { maxGroup, concurrency }: { maxGroup: number; concurrency: number },
): (item: I) => Promise<O> {
  const waiting: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let running = 0;
  const pump = (): void => {
    while (running < concurrency && waiting.length > 0) {
      const group = waiting.splice(0, maxGroup);
      running += 1;
      run(group.map((g) => g.item))
        .then(
          (answers) =>
            group.forEach((g, i) => {
              const answer = answers[i];
              if (!answer) g.reject(new Error("no answer for this call of the group"));
              else if ("error" in answer) g.reject(answer.error);
              else g.resolve(answer.value);
            }),
          (error: unknown) => group.forEach((g) => g.reject(error)),
        )
        .finally(() => {
          running -= 1;
          pump();
        });
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      pump();
    });
}
