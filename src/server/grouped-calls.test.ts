import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupedCalls, type GroupAnswer } from "./grouped-calls";

/** A run whose groups finish when the test says so. */
function controlled<I, O>(answer: (item: I) => GroupAnswer<O>) {
  const groups: { items: readonly I[]; finish: () => void; fail: (error: unknown) => void }[] = [];
  const run = (items: readonly I[]) =>
    new Promise<GroupAnswer<O>[]>((resolve, reject) => {
      groups.push({ items, finish: () => resolve(items.map(answer)), fail: reject });
    });
  return { groups, run };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("groupedCalls", () => {
  it("a call to a quiet service leaves at once, alone", async () => {
    const { groups, run } = controlled<number, number>((n) => ({ value: n * 2 }));
    const call = groupedCalls(run, { maxGroup: 10, concurrency: 2 });
    const answer = call(21);
    expect(groups.map((g) => g.items)).toEqual([[21]]);
    groups[0]!.finish();
    expect(await answer).toBe(42);
  });

  it("while the groups run, calls wait and leave together, at most maxGroup at a time, each answered with its own value", async () => {
    const { groups, run } = controlled<number, number>((n) => ({ value: n + 100 }));
    const call = groupedCalls(run, { maxGroup: 3, concurrency: 1 });
    const answers = [1, 2, 3, 4, 5].map((n) => call(n));
    expect(groups.map((g) => g.items)).toEqual([[1]]);
    groups[0]!.finish();
    await tick();
    expect(groups.map((g) => g.items)).toEqual([[1], [2, 3, 4]]);
    groups[1]!.finish();
    await tick();
    expect(groups.map((g) => g.items)).toEqual([[1], [2, 3, 4], [5]]);
    groups[2]!.finish();
    expect(await Promise.all(answers)).toEqual([101, 102, 103, 104, 105]);
  });

  it("a call's own error is its alone; the group's error is every call's of that group only", async () => {
    const { groups, run } = controlled<number, number>((n) => (n === 2 ? { error: new Error("refused 2") } : { value: n }));
    const call = groupedCalls(run, { maxGroup: 5, concurrency: 1 });
    const first = call(0);
    const [one, two, three] = [1, 2, 3].map((n) => call(n).then((value) => ({ value }), (error: Error) => ({ error: error.message })));
    groups[0]!.fail(new Error("the group failed"));
    await expect(first).rejects.toThrow("the group failed");
    await tick();
    groups[1]!.finish();
    expect(await Promise.all([one, two, three])).toEqual([{ value: 1 }, { error: "refused 2" }, { value: 3 }]);
  });

  it("whatever the arrivals and the order groups finish in, every call gets its own answer once, and never more than `concurrency` groups run", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 7 }), async (steps, concurrency, maxGroup) => {
        let runningNow = 0;
        let most = 0;
        const pending: (() => void)[] = [];
        const call = groupedCalls<number, number>(
          (items) => {
            runningNow += 1;
            most = Math.max(most, runningNow);
            expect(items.length).toBeLessThanOrEqual(maxGroup);
            return new Promise((resolve) => pending.push(() => {
              runningNow -= 1;
              resolve(items.map((n) => ({ value: -n })));
            }));
          },
          { maxGroup, concurrency },
        );
        const answers: Promise<number>[] = [];
        let next = 0;
        for (const step of steps) {
          // 0–2: that many calls arrive; 3: the oldest running group finishes.
          if (step === 3) pending.shift()?.();
          else for (let k = 0; k < step; k++) answers.push(call(next++));
          await tick();
        }
        while (pending.length) {
          pending.shift()!();
          await tick();
        }
        expect(await Promise.all(answers)).toEqual(answers.map((_, i) => -i));
        expect(most).toBeLessThanOrEqual(concurrency);
      }),
      { numRuns: 200 },
    );
  });
});
