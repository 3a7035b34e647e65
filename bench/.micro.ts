import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { createOrdersRepository } from '../src/modules/orders/orders.repository.ts';
import { toV0Order } from '../src/modules/orders/sp-api-order.ts';
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/mercato_bench_1m', max: 2 });
const db = drizzle({ client: pool }) as any;
const repo = createOrdersRepository(db);
const [{ seller_id }] = (
  await pool.query('select seller_id from orders group by 1 order by count(*) desc limit 1')
).rows;
const q = {
  sellerId: seller_id,
  marketplaceIds: ['A1VC38T7YXB528'],
  dateField: 'purchaseDate' as const,
  after: new Date(Date.now() - 80 * 86400000),
  limit: 101,
};
const N = 200;
let rows: any[] = [];
for (let i = 0; i < 20; i++) rows = await repo.search(q);
let t = performance.now();
for (let i = 0; i < N; i++) rows = await repo.search(q);
const tq = (performance.now() - t) / N;
const sql = await (async () => {
  let s: any;
  const d2 = drizzle({
    client: pool,
    logger: {
      logQuery: (text: string, params: unknown[]) => {
        s = { text, params };
      },
    },
  }) as any;
  await createOrdersRepository(d2).search(q);
  return s;
})();
t = performance.now();
for (let i = 0; i < N; i++) await pool.query(sql.text, sql.params);
const tb = (performance.now() - t) / N;
t = performance.now();
for (let i = 0; i < N; i++) await pool.query({ text: sql.text, values: sql.params, rowMode: 'array' });
const tba = (performance.now() - t) / N;
const now = new Date();
let out: any[] = [];
t = performance.now();
for (let i = 0; i < N; i++)
  out = rows.slice(0, 100).map((o) => toV0Order(o, { salesChannel: 'Amazon.co.jp', now }));
const tm = (performance.now() - t) / N;
t = performance.now();
let len = 0;
for (let i = 0; i < N; i++) len = JSON.stringify({ payload: { Orders: out } }).length;
const tj = (performance.now() - t) / N;
console.log({
  rows: rows.length,
  drizzleSearchMs: tq.toFixed(2),
  barePgMs: tb.toFixed(2),
  barePgArrayMs: tba.toFixed(2),
  mapMs: tm.toFixed(2),
  jsonMs: tj.toFixed(2),
  bytes: len,
});
await pool.end();
