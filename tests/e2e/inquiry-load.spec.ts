// 500 concurrent POST /api/v1/inquiries against the running app, from this test over loopback
// (bounded: 500 requests, one burst), then a check of what was stored.
import pg from "pg";
import { expect, test, e2eDatabaseUrl } from "./support";

const N = 500;

test("500 concurrent inquiries: 500 distinct gapless numbers, all stored, 0 errors, due instants = the engine's", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const body = (i: number) =>
    JSON.stringify({
      name: "Charge Test",
      email: `charge${i}@exemple.ca`,
      subject: `Question de charge ${i}`,
      topic: "staffing-general",
      message: "Une question générale sur la dotation, envoyée par le test de charge.",
    });
  const responses = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      fetch(`${baseURL}/api/v1/inquiries`, { method: "POST", headers: { "content-type": "application/json" }, body: body(i) }).then(
        async (r) => ({ status: r.status, json: await r.json() }),
      ),
    ),
  );
  expect(responses.filter((r) => r.status !== 201).map((r) => r.json)).toEqual([]);
  const numbers = responses.map((r) => r.json.number as string);
  expect(new Set(numbers).size).toBe(N);

  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const stored = await client.query<{ number: string; received_at: Date; target_id: string; due_at: Date }>(
      `SELECT r.number, r.received_at, t.target_id, t.due_at FROM request r JOIN request_target t ON t.request_id = r.id WHERE r.number = ANY($1)`,
      [numbers],
    );
    expect(stored.rowCount).toBe(N);
    // Gapless across everything numbered for those years (other tests may have written too).
    const years = [...new Set(numbers.map((n) => n.slice(4, 8)))];
    for (const year of years) {
      const all = await client.query<{ number: string }>(`SELECT number FROM request WHERE number LIKE $1`, [`CAD-${year}-%`]);
      const sequences = all.rows.map((r) => Number(r.number.slice(-6))).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    }
    // Every stored due instant is the engine's (through the public due endpoint) for the stored receivedAt.
    const byReceived = new Map<string, string[]>();
    for (const row of stored.rows) byReceived.set(row.received_at.toISOString(), [...(byReceived.get(row.received_at.toISOString()) ?? []), row.due_at.toISOString()]);
    const receivedAts = [...byReceived.keys()];
    for (let i = 0; i < receivedAts.length; i += 25) {
      await Promise.all(
        receivedAts.slice(i, i + 25).map(async (receivedAt) => {
          const url = `${baseURL}/api/v1/catalogue/due?service=ca-dotation&audience=candidate&channel=web&receivedAt=${encodeURIComponent(receivedAt)}`;
          const due = (await (await fetch(url)).json()).targets[0].dueAt;
          for (const storedDue of byReceived.get(receivedAt)!) expect(storedDue).toBe(due);
        }),
      );
    }
    for (const r of responses) {
      const row = stored.rows.find((s) => s.number === r.json.number)!;
      expect(r.json.receivedAt).toBe(row.received_at.toISOString());
      expect(r.json.targets[0].dueAt).toBe(row.due_at.toISOString());
    }
  } finally {
    await client.end();
  }
});
