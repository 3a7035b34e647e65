// Bulk order seeding for load tests and benchmarks (`mercato seed --orders N`). It writes the
// same rows the order services write (orders, order_items, shipments, shipment_items,
// order_charges, order_events) but in multi-row batches, one transaction per batch, so a million
// orders take minutes, not hours. Orders follow the real lifecycle: a purchase date spread over
// the last `days` days, payment (CVS orders can stay Pending or lapse), shipment with the one
// capture, a few partial shipments, late and cancelled orders; ship-by windows and buyer relay
// addresses are computed by the orders module's own functions.
import { randomFillSync } from 'node:crypto';
import type { Database } from '../../platform/db/database.ts';
import { parseAmount } from '../../platform/money.ts';
import type { Marketplace } from '../marketplaces/index.ts';
import { computeShipByWindow, relayAddress } from '../orders/index.ts';
import { localeFor, rng } from './demo-catalogue.ts';

export type BulkOrdersOptions = {
  database: Database;
  /** The instance secret: keys the buyer relay addresses (MSG-4). */
  secret: string;
  marketplace: Marketplace;
  sellerId: string;
  count: number;
  /** Business time ("now" of the sandbox clock). */
  now: Date;
  /** Purchase dates are spread over this many days before `now` (default 90). */
  days?: number;
  /** Orders per INSERT batch and transaction (default 2000). */
  batchSize?: number;
  /** Seed of the generator that picks the data (default: random). */
  seed?: number;
  /**
   * `lifecycle` (default): the mix of a real account. `overdueUnshipped`: paid MFN orders that
   * were never confirmed and are past their ORD-8 cutoff (ship-by + 7 days), warned on their
   * ship-by day: the auto-cancel sweep's worst case (bench/auto-cancel.ts).
   */
  shape?: 'lifecycle' | 'overdueUnshipped';
  onProgress?: (done: number, total: number) => void;
};

export type BulkOrdersResult = {
  orders: number;
  orderItems: number;
  shipments: number;
  events: number;
  ms: number;
};

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Unguessable ids in bulk: ULIDs with a chosen time, SP-API order and item ids. */
function idSource() {
  let buf = Buffer.alloc(0);
  let pos = 0;
  const bytes = (n: number) => {
    if (pos + n > buf.length) {
      buf = randomFillSync(Buffer.alloc(64 * 1024));
      pos = 0;
    }
    pos += n;
    return pos - n;
  };
  const digits = (n: number) => {
    const at = bytes(n);
    let s = '';
    // 250 is the largest multiple of 10 below 256: bytes above it are rare and folded (bias < 0.3 %).
    for (let i = 0; i < n; i++) s += ((buf[at + i] ?? 0) % 10).toString();
    return s;
  };
  return {
    ulid(prefix: string, ms: number): string {
      let time = '';
      let t = ms;
      for (let i = 0; i < 10; i++) {
        time = CROCKFORD[t % 32] + time;
        t = Math.floor(t / 32);
      }
      const at = bytes(16);
      let rand = '';
      for (let i = 0; i < 16; i++) rand += CROCKFORD[(buf[at + i] ?? 0) % 32];
      return `${prefix}_${time}${rand}`;
    },
    amazonOrderId: () => `503-${digits(7)}-${digits(7)}`,
    orderItemId: () => `${1 + ((buf[bytes(1)] ?? 0) % 9)}${digits(13)}`,
  };
}

/** A stable pseudo-ASIN for a SKU (same rule as the orders service). */
function asinFor(sku: string): string {
  let h = 0;
  for (const ch of sku) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `B0${h.toString(36).toUpperCase().padStart(8, '0').slice(0, 8)}`;
}

type Row = Record<string, unknown>;
type Batch = {
  orders: Row[];
  items: Row[];
  shipments: Row[];
  shipmentItems: Row[];
  charges: Row[];
  events: Row[];
};

/** Runs one statement with parameters on either driver. */
async function query(database: Database, text: string, params: unknown[] = []): Promise<Row[]> {
  if (database.pglite) return (await database.pglite.query<Row>(text, params)).rows;
  if (database.pool) return (await database.pool.query(text, params)).rows as Row[];
  throw new Error('database without a pglite instance or a pg pool');
}

// One statement (so one transaction and one round trip) per batch. json_populate_recordset fills
// rows of each table's own type from objects keyed by column name; the INSERT names exactly the
// columns the generator wrote, so columns added to the schema later take their defaults (a NULL
// from the record would break their NOT NULL). A random SP-API order id can collide with an
// existing one: such orders are skipped with their child rows (the `IN (SELECT id FROM o)`
// filters) and the next batch makes up for them.
const CHILD_TABLES = ['order_items', 'shipments', 'shipment_items', 'order_charges', 'order_events'] as const;
const TABLES = ['orders', ...CHILD_TABLES] as const;
const statements = new Map<string, string>();

function batchSql(b: Batch): string {
  const rows = [b.orders, b.items, b.shipments, b.shipmentItems, b.charges, b.events];
  const columns = rows.map((r) => Object.keys(r[0] ?? {}));
  const key = columns.map((c) => c.join(',')).join('|');
  let text = statements.get(key);
  if (text) return text;
  const insert = (i: number, filter: string) => {
    const cols = (columns[i] as string[]).map((c) => `"${c}"`).join(', ');
    const t = TABLES[i] as string;
    return `INSERT INTO ${t} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${t}, $${i + 1}::text::json) ${filter}`;
  };
  const ctes = [`o AS (\n  ${insert(0, 'ON CONFLICT (amazon_order_id) DO NOTHING')} RETURNING id\n)`];
  CHILD_TABLES.forEach((_, k) => {
    const i = k + 1;
    // An empty list (no shipment in the batch) has no columns to name: nothing to insert.
    ctes.push(
      (columns[i] as string[]).length
        ? `c${k} AS (\n  ${insert(i, 'WHERE order_id IN (SELECT id FROM o)')} RETURNING 1\n)`
        : `c${k} AS (SELECT 1 WHERE $${i + 1}::text IS NULL)`,
    );
  });
  text = `WITH ${ctes.join(',\n')}
SELECT (SELECT count(*) FROM o)::int AS orders, (SELECT count(*) FROM c0)::int AS items,
  (SELECT count(*) FROM c1)::int AS shipments, (SELECT count(*) FROM c4)::int AS events`;
  statements.set(key, text);
  return text;
}

async function writeBatch(database: Database, b: Batch) {
  const rows = await query(database, batchSql(b), [
    JSON.stringify(b.orders),
    JSON.stringify(b.items),
    JSON.stringify(b.shipments),
    JSON.stringify(b.shipmentItems),
    JSON.stringify(b.charges),
    JSON.stringify(b.events),
  ]);
  const r = rows[0] ?? {};
  return {
    orders: Number(r.orders ?? 0),
    items: Number(r.items ?? 0),
    shipments: Number(r.shipments ?? 0),
    events: Number(r.events ?? 0),
  };
}

export async function seedBulkOrders(o: BulkOrdersOptions): Promise<BulkOrdersResult> {
  const started = performance.now();
  const m = o.marketplace;
  const loc = localeFor(m);
  const r = rng(o.seed ?? Math.floor(Math.random() * 2 ** 32));
  const ids = idSource();
  const now = o.now.getTime();
  const span = (o.days ?? 90) * DAY;
  const batchSize = Math.max(1, o.batchSize ?? 2000);
  const policy = m.policy.orders;
  const calendar = {
    timeZone: m.timeZone,
    businessWeekdays: policy.businessWeekdays,
    holidays: policy.holidays,
  };
  const minor = (amount: string) => {
    const v = parseAmount(amount, m.currency);
    if (typeof v !== 'bigint') throw new Error(`catalogue price ${amount} ${m.currency}: ${v}`);
    return v;
  };
  const products = loc.products.map((p) => ({
    ...p,
    asin: asinFor(p.sku),
    unit: minor(p.price),
    ship: minor(p.shipping),
  }));

  // A ship-by window depends only on the local date of its start, on which side of the same-day
  // cut-off the local time falls, and on the handling days: it is computed once per such key
  // (a few hundred times) instead of once per order. Zone offsets are looked up once per UTC hour.
  const [cutH = 0, cutM = 0] = policy.sameDayCutoffLocalTime.split(':').map(Number);
  const cutoffMs = (cutH * 60 + cutM) * 60_000;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: m.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number) => {
    const hour = Math.floor(ms / HOUR);
    let off = offsets.get(hour);
    if (off === undefined) {
      const t = hour * HOUR;
      const f = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, Number(x.value)]));
      off = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day, f.hour, f.minute) - t;
      offsets.set(hour, off);
    }
    return off;
  };
  const windows = new Map<string, { latestShip: number; earliestDelivery: number; latestDelivery: number }>();
  const windowFrom = (from: number, handlingDays: number) => {
    const local = from + offsetAt(from);
    const localDay = Math.floor(local / DAY);
    const key = `${localDay}:${local - localDay * DAY < cutoffMs}:${handlingDays}`;
    let w = windows.get(key);
    if (!w) {
      const c = computeShipByWindow({
        purchaseDate: new Date(from),
        handlingDays,
        calendar,
        sameDayCutoffLocalTime: policy.sameDayCutoffLocalTime,
        transitDays: policy.transitDays,
      });
      w = {
        latestShip: c.latestShipDate.getTime(),
        earliestDelivery: c.earliestDeliveryDate.getTime(),
        latestDelivery: c.latestDeliveryDate.getTime(),
      };
      windows.set(key, w);
    }
    return w;
  };

  // Returning buyers: about three orders per buyer address; relay addresses computed once each.
  const buyerCount = Math.max(50, Math.ceil(o.count / 3));
  const relays = new Map<number, string>();
  const buyer = (k: number) => {
    const email = `customer${k}.${loc.country.toLowerCase()}@example.com`;
    let relay = relays.get(k);
    if (!relay) {
      relay = relayAddress(o.secret, o.sellerId, email, m.domain);
      relays.set(k, relay);
    }
    return { email, relay };
  };

  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

  // Purchase dates rise through the run (evenly spread, with jitter), as real orders arrive: the
  // time-ordered keys (ULIDs, dates) then append to their indexes instead of hitting random pages.
  const overdue = o.shape === 'overdueUnshipped';
  // Overdue orders were bought at least three weeks ago: ship-by (at most a few business days,
  // even across Golden Week) plus the 7 days is then behind `now` for every one of them.
  const newest = overdue ? 21 * DAY : 2 * 60_000;
  const first = now - Math.max(span, newest + DAY);
  const step = (now - newest - first) / o.count;
  let seq = 0;
  function generate(n: number): Batch {
    const b: Batch = { orders: [], items: [], shipments: [], shipmentItems: [], charges: [], events: [] };
    for (let i = 0; i < n; i++) {
      const purchase = Math.min(now - newest, Math.floor(first + (seq++ + r.next()) * step));
      const orderId = ids.ulid('ord', purchase);
      const cvs = !overdue && r.next() < loc.cvsShare;
      const business = r.next() < 0.12;
      const handlingDays = r.int(1, 3);
      const name = r.pick(loc.names);
      const [region, city, postal] = r.pick(loc.cities);
      const who = buyer(r.int(1, buyerCount));

      // Lines: 1 to 3 different products.
      const lineCount = r.next() < 0.6 ? 1 : r.next() < 0.7 ? 2 : 3;
      const chosen: typeof products = [];
      while (chosen.length < lineCount) {
        const p = r.pick(products);
        if (!chosen.includes(p)) chosen.push(p);
      }
      const lines = chosen.map((p, position) => ({
        p,
        position,
        orderItemId: ids.orderItemId(),
        quantity: r.next() < 0.8 ? 1 : r.int(2, 4),
      }));
      const total = lines.reduce((a, l) => a + l.p.unit * BigInt(l.quantity) + l.p.ship, 0n);
      const quantity = lines.reduce((a, l) => a + l.quantity, 0);

      // Payment: verified at checkout, or a convenience-store payment completed later (ORD-2).
      let paidAt: number | null = purchase;
      let status: string;
      const events: { at: number; kind: string; actor: string; data: Row }[] = [
        {
          at: purchase,
          kind: 'order_placed',
          actor: 'marketplace',
          data: { status: cvs ? 'Pending' : 'Unshipped', paymentMethod: cvs ? 'CVS' : 'Other' },
        },
      ];
      let canceledAt: number | null = null;
      // ORD-13 / PERF-3: who cancelled and why (the orders module's cancellation columns).
      let cancel: { kind: string; reason: string; actor: string; buyerRequestedAt?: number } | null = null;
      if (cvs) {
        const willPay = r.next() < 0.85;
        const at = purchase + HOUR / 2 + Math.floor(r.next() * 72 * HOUR);
        if (willPay && at <= now) {
          paidAt = at;
          events.push({
            at,
            kind: 'payment_completed',
            actor: 'marketplace',
            data: { paymentMethod: 'CVS' },
          });
        } else {
          paidAt = null;
          // An unpaid convenience-store order lapses after a week.
          if (!willPay && purchase + 7 * DAY <= now) {
            canceledAt = purchase + 7 * DAY;
            cancel = { kind: 'marketplace', reason: 'PaymentNotReceived', actor: 'marketplace' };
          }
        }
      }
      const window = windowFrom(paidAt ?? purchase, handlingDays);

      // Shipment(s): most orders ship within their handling time, some late, a few are cancelled
      // or partly shipped; recent ones are still waiting.
      const shipped = new Map<string, number>();
      let chargedAt: number | null = null;
      if (paidAt !== null && canceledAt === null && !overdue) {
        const roll = r.next();
        const ready = paidAt;
        if (roll < 0.02) {
          const at = ready + HOUR / 2 + Math.floor(r.next() * 24 * HOUR);
          if (at <= now) {
            canceledAt = at;
            // Half of them on the buyer's request (not counted against the seller), half the
            // seller's own (out of stock).
            cancel =
              r.next() < 0.5
                ? {
                    kind: 'buyer_requested',
                    reason: 'BuyerCanceled',
                    actor: 'seller:seed',
                    buyerRequestedAt: at - Math.floor(r.next() * (at - ready)),
                  }
                : { kind: 'seller', reason: 'NoInventory', actor: 'seller:seed' };
          }
        } else if (roll < 0.03) {
          // Forgotten: never shipped; cancelled a week after the ship-by date (ORD-8).
          const at = window.latestShip + 7 * DAY;
          if (at <= now) {
            canceledAt = at;
            cancel = { kind: 'auto', reason: 'ShipmentNotConfirmed', actor: 'system' };
          }
        } else {
          const late = roll > 0.94;
          const first = late
            ? window.latestShip + HOUR + Math.floor(r.next() * 48 * HOUR)
            : ready + 2 * HOUR + Math.floor(r.next() * Math.max(HOUR, window.latestShip - ready - 2 * HOUR));
          const partial = lines.length > 1 && r.next() < 0.08;
          const packages: { at: number; lines: typeof lines }[] = [];
          if (partial) {
            packages.push({ at: first, lines: lines.slice(0, 1) });
            packages.push({ at: first + DAY + Math.floor(r.next() * 4 * DAY), lines: lines.slice(1) });
          } else {
            packages.push({ at: first, lines });
          }
          const carrier = r.pick(loc.carriers);
          const source = r.next() < 0.6 ? 'web' : 'sp-api';
          let ref = 0;
          for (const pkg of packages) {
            if (pkg.at > now) break;
            const confirmedAt = Math.min(now, pkg.at + Math.floor(r.next() * 2 * HOUR));
            const shipmentId = ids.ulid('shp', confirmedAt);
            const tracking = loc.tracking(r);
            const confirmedBy = source === 'web' ? 'seller:seed' : 'app:seed';
            // Carrier scans as the marketplace reports them: delivered one to three days after
            // shipping, still in transit before that, a few parcels returned as undeliverable.
            const deliveredAt = pkg.at + DAY + Math.floor(r.next() * 2 * DAY);
            const returned = r.next() < 0.002 && pkg.at + 5 * DAY <= now;
            const tracking_status = returned
              ? 'ReturnedToSender'
              : deliveredAt <= now
                ? 'Delivered'
                : 'InTransit';
            b.shipments.push({
              seller_id: o.sellerId,
              id: shipmentId,
              order_id: orderId,
              package_reference_id: String(++ref),
              carrier_code: carrier,
              carrier_name: null,
              shipping_method: null,
              tracking_number: tracking,
              ship_date: iso(pkg.at),
              source,
              confirmed_at: iso(confirmedAt),
              confirmed_by: confirmedBy,
              tracking_status,
              delivered_at: tracking_status === 'Delivered' ? iso(deliveredAt) : null,
              returned_at: returned ? iso(pkg.at + 5 * DAY) : null,
              return_reason: returned ? 'Undeliverable' : null,
            });
            for (const l of pkg.lines) {
              shipped.set(l.orderItemId, l.quantity);
              b.shipmentItems.push({
                seller_id: o.sellerId,
                shipment_id: shipmentId,
                order_id: orderId,
                order_item_id: l.orderItemId,
                quantity: l.quantity,
              });
            }
            events.push({
              at: confirmedAt,
              kind: 'shipment_confirmed',
              actor: confirmedBy,
              data: {
                shipmentId,
                carrierCode: carrier,
                trackingNumber: tracking,
                lines: pkg.lines.map((l) => ({ orderItemId: l.orderItemId, quantity: l.quantity })),
                late: confirmedAt > window.latestShip,
                source,
              },
            });
            // The shipment e-mail job's record (no mail is sent for seeded orders).
            const notifiedAt = Math.min(now, confirmedAt + 30_000 + Math.floor(r.next() * 10 * 60_000));
            events.push({
              at: notifiedAt,
              kind: 'buyer_notified_shipment',
              actor: 'system',
              data: { shipmentId },
            });
            if (chargedAt === null) {
              chargedAt = confirmedAt;
              b.charges.push({
                seller_id: o.sellerId,
                order_id: orderId,
                amount: total.toString(),
                currency: m.currency,
                shipment_id: shipmentId,
                charged_at: iso(confirmedAt),
              });
              events.push({
                at: confirmedAt,
                kind: 'payment_captured',
                actor: 'system',
                data: { amount: total.toString(), currency: m.currency },
              });
            }
          }
        }
      }
      const itemsShipped = [...shipped.values()].reduce((a, q) => a + q, 0);
      if (canceledAt !== null && cancel) {
        status = 'Canceled';
        if (cancel.buyerRequestedAt !== undefined)
          events.push({
            at: cancel.buyerRequestedAt,
            kind: 'buyer_cancel_requested',
            actor: 'buyer',
            data: { reason: 'BuyerCanceled' },
          });
        events.push({
          at: canceledAt,
          kind: 'order_canceled',
          actor: cancel.actor,
          data: { kind: cancel.kind, reason: cancel.reason },
        });
      } else if (paidAt === null) status = 'Pending';
      else if (itemsShipped === 0) status = 'Unshipped';
      else status = itemsShipped < quantity ? 'PartiallyShipped' : 'Shipped';

      // Sending the buyer e-mail does not change the order (as in the job).
      const lastUpdate = events.reduce(
        (a, e) => (e.kind === 'buyer_notified_shipment' ? a : Math.max(a, e.at)),
        purchase,
      );
      b.orders.push({
        seller_id: o.sellerId,
        id: orderId,
        amazon_order_id: ids.amazonOrderId(),
        marketplace_id: m.id,
        seller_order_id: null,
        status,
        fulfillment_channel: 'MFN',
        payment_method: cvs ? 'CVS' : 'Other',
        payment_verified_at: iso(paidAt),
        is_business_order: business,
        purchase_order_number: business && r.next() < 0.8 ? `PO-${r.int(10000, 99999)}` : null,
        buyer_name: name,
        buyer_email: who.email,
        buyer_relay_email: who.relay,
        shipping_address: {
          name,
          addressLine1: loc.street(r),
          city,
          stateOrRegion: region,
          postalCode: postal,
          countryCode: m.countryCode,
          phone: loc.phone(r),
        },
        ship_service_level: loc.shipServiceLevel,
        shipment_service_level_category: 'Standard',
        handling_days: handlingDays,
        currency: m.currency,
        order_total: total.toString(),
        items_shipped: itemsShipped,
        items_unshipped: quantity - itemsShipped,
        purchase_date: iso(purchase),
        last_update_date: iso(lastUpdate),
        earliest_ship_date: iso(purchase),
        latest_ship_date: iso(window.latestShip),
        earliest_delivery_date: iso(window.earliestDelivery),
        latest_delivery_date: iso(window.latestDelivery),
        charged_at: iso(chargedAt),
        cancellation_kind: cancel?.kind ?? null,
        cancellation_reason: cancel?.reason ?? null,
        canceled_at: iso(canceledAt),
        buyer_cancel_requested_at: iso(cancel?.buyerRequestedAt ?? null),
        buyer_cancel_reason: cancel?.buyerRequestedAt !== undefined ? 'BuyerCanceled' : null,
        // ORD-8: the warning was raised on the ship-by day for orders that reached it unshipped.
        ship_by_warning_at:
          (status === 'Unshipped' || cancel?.kind === 'auto') && window.latestShip <= now
            ? iso(window.latestShip)
            : null,
      });
      for (const l of lines) {
        b.items.push({
          seller_id: o.sellerId,
          order_id: orderId,
          order_item_id: l.orderItemId,
          position: l.position,
          asin: l.p.asin,
          sku: l.p.sku,
          title: l.p.title,
          quantity_ordered: l.quantity,
          quantity_shipped: shipped.get(l.orderItemId) ?? 0,
          unit_price: l.p.unit.toString(),
          item_price: (l.p.unit * BigInt(l.quantity)).toString(),
          shipping_price: l.p.ship.toString(),
          item_tax: '0',
          shipping_tax: '0',
          promotion_discount: '0',
          shipping_discount: '0',
          is_gift: false,
          condition_id: 'New',
        });
      }
      for (const e of events) {
        b.events.push({
          seller_id: o.sellerId,
          id: ids.ulid('oev', e.at),
          order_id: orderId,
          at: iso(e.at),
          kind: e.kind,
          actor: e.actor,
          data: e.data,
        });
      }
    }
    return b;
  }

  const result: BulkOrdersResult = { orders: 0, orderItems: 0, shipments: 0, events: 0, ms: 0 };
  // On PostgreSQL the next batch is generated while the server writes the previous one.
  let inFlight: { size: number; write: ReturnType<typeof writeBatch> } | null = null;
  const settle = async () => {
    if (!inFlight) return;
    const w = await inFlight.write;
    inFlight = null;
    result.orders += w.orders;
    result.orderItems += w.items;
    result.shipments += w.shipments;
    result.events += w.events;
    o.onProgress?.(result.orders, o.count);
  };
  while (result.orders < o.count) {
    const n = Math.min(batchSize, o.count - result.orders - (inFlight?.size ?? 0));
    if (n <= 0) {
      await settle();
      continue;
    }
    const batch = generate(n);
    await settle();
    const write = writeBatch(o.database, batch);
    write.catch(() => undefined); // awaited (and its error thrown) by settle()
    inFlight = { size: n, write };
    // Let the driver send the statement before the event loop is busy generating the next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await settle();
  // Statistics for the planner, and for the tables the list pages count (index-only scans) the
  // visibility map too: autovacuum would get there soon after such an insert volume on a live
  // system; without it a benchmark right after seeding measures heap visits a real account
  // does not make.
  for (const t of TABLES)
    await query(o.database, t === 'orders' || t === 'order_items' ? `VACUUM (ANALYZE) ${t}` : `ANALYZE ${t}`);
  result.ms = performance.now() - started;
  return result;
}
