import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { createOrdersRepository } from '../src/modules/orders/orders.repository.ts';
import { toV0Order } from '../src/modules/orders/sp-api-order.ts';
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/mercato_bench_1m', max: 2 });
const db = drizzle({ client: pool }) as any;
const repo = createOrdersRepository(db);
const [{ seller_id }] = (
  await pool.query("select seller_id from orders where purchase_date > now() - interval '1 day' limit 1")
).rows;
const rows = await repo.search({
  sellerId: seller_id,
  marketplaceIds: ['A1VC38T7YXB528'],
  dateField: 'purchaseDate' as const,
  after: new Date(Date.now() - 80 * 86400000),
  limit: 101,
});
const now = new Date();
const N = Number(process.argv[2] ?? 2000);
let out: any[] = [];
let t = performance.now();
for (let i = 0; i < N; i++)
  out = rows.slice(0, 100).map((o) => toV0Order(o, { salesChannel: 'Amazon.co.jp', now }));
const tm = (performance.now() - t) / N;
t = performance.now();
for (let i = 0; i < N; i++) JSON.stringify({ payload: { Orders: out } });
const tj = (performance.now() - t) / N;
console.log({ rows: rows.length, mapMsPer100: tm.toFixed(3), jsonMsPer100: tj.toFixed(3) });
await pool.end();
