// NTF-6 digests on a real database: deliveries collected into the open batch of their window in
// the seller's zone (Europe/Rome, across the spring DST change), flushed once at the window's end
// when the sandbox clock moves (one carrier delivery per batch, `digest:<batchId>`), a second
// flush is a no-op, an empty batch sends nothing, a late item joins the next window, and two
// flushers at once still make one digest. The digest email lists the items in Italian.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliveries,
  digestBatches,
  notifications,
} from '../../src/modules/notifications/notifications.tables.ts';
import { isDigestCarrier } from '../../src/modules/notifications/digests.service.ts';
import { createSeller, IT, operatorKey, type TestSeller } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let seller: TestSeller;
let key: string;
let n = 0;

// Saturday 28 March 2026, 12:00 in Rome (CET); DST starts the next night at 02:00.
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-28T11:00:00Z' });
  seller = await createSeller(t, IT);
  key = await operatorKey(t);
});
afterAll(() => t?.close());

const db = () => t.services.database.db;

/** A notification and its delivery in state `digest`, collected as the fan-out does. */
async function collect(o: {
  type?: string;
  address?: string;
  frequency?: 'daily' | 'weekly' | 'monthly';
  sku: string;
}) {
  const k = ++n;
  const id = `ntf_test_${k}`;
  const deliveryId = `dlv_test_${k}`;
  const now = t.services.clock.now();
  const address = o.address ?? 'ops@example.it';
  const type = o.type ?? 'listing.created';
  return db().transaction(async (tx) => {
    await tx.insert(notifications).values({
      sellerId: seller.sellerId,
      id,
      eventId: `evt_test_${k}`,
      type,
      severity: 'info',
      data: { sku: o.sku, title: `Prodotto ${o.sku}` },
      createdAt: now,
    });
    await tx.insert(deliveries).values({
      sellerId: seller.sellerId,
      id: deliveryId,
      notificationId: id,
      channel: 'email',
      address,
      idempotencyKey: `evt_test_${k}:email:${address}`,
      state: 'digest',
      nextAttemptAt: now,
      createdAt: now,
    });
    const batchId = await t.services.digests.collect(tx, {
      sellerId: seller.sellerId,
      deliveryId,
      type,
      channel: 'email',
      address,
      frequency: o.frequency ?? 'daily',
      at: now,
    });
    return { batchId, deliveryId };
  });
}

const advanceTo = async (iso: string) => {
  const by = Math.round((new Date(iso).getTime() - t.services.clock.now().getTime()) / 1000);
  const r = await t.request('POST', '/sandbox/v1/clock/advance', {
    body: { by: `PT${by}S` },
    headers: { authorization: `Bearer ${key}` },
  });
  expect(r.status, r.text).toBe(200);
};
const batch = async (id: string) =>
  (
    await db()
      .select()
      .from(digestBatches)
      .where(and(eq(digestBatches.sellerId, seller.sellerId), eq(digestBatches.id, id)))
  )[0];
const carriers = async (batchId: string) =>
  db()
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.sellerId, seller.sellerId), eq(deliveries.idempotencyKey, `digest:${batchId}`)));

describe('daily digests in the seller zone across the DST change (NTF-6)', () => {
  it('collects a day into one batch flushed at local midnight after a 23-hour day', async () => {
    // Saturday: its own window ends at Sunday 00:00 CET = 23:00 UTC.
    const sat = await collect({ sku: 'SAT-1' });
    // Sunday 01:30 CET (00:30 UTC), before the gap, and 23:30 CEST (21:30 UTC), after it.
    await advanceTo('2026-03-29T00:30:00Z');
    const early = await collect({ sku: 'SUN-1' });
    await advanceTo('2026-03-29T21:30:00Z');
    const late = await collect({ sku: 'SUN-2' });
    expect(early.batchId).toBe(late.batchId);
    expect(early.batchId).not.toBe(sat.batchId);
    const b = await batch(early.batchId);
    expect(b).toMatchObject({ state: 'open', itemCount: 2, frequency: 'daily' });
    expect(b?.windowStart.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(b?.flushAt.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // Saturday's batch was flushed by the clock move that crossed its end.
    expect((await batch(sat.batchId))?.state).toBe('flushed');
    expect(await carriers(sat.batchId)).toHaveLength(1);

    // One second before the end: still open. At the end: flushed by the clock move itself.
    await advanceTo('2026-03-29T21:59:59Z');
    expect((await batch(early.batchId))?.state).toBe('open');
    await advanceTo('2026-03-29T22:00:00Z');
    const flushed = await batch(early.batchId);
    expect(flushed?.state).toBe('flushed');
    const [carrier, ...more] = await carriers(early.batchId);
    expect(more).toHaveLength(0);
    expect(carrier).toMatchObject({
      state: expect.stringMatching(/pending|sending|sent/),
      channel: 'email',
      address: 'ops@example.it',
    });
    expect(carrier && isDigestCarrier(carrier)).toBe(true);
    expect(flushed?.deliveryId).toBe(carrier?.id);

    // The digest lists both items, in Italian, in the seller's zone.
    const rendered = await t.services.digests.renderDigest(
      db(),
      { sellerId: seller.sellerId, digestBatchId: early.batchId },
      { language: 'it', timeZone: 'Europe/Rome', name: 'Bottega' },
    );
    expect(rendered?.subject).toBe('Riepilogo giornaliero: 2 notifiche');
    expect(rendered?.text).toContain('29 marzo 2026');
    expect(rendered?.text).toMatch(/01:30 Offerta creata: SUN-1 · Prodotto SUN-1/);
    expect(rendered?.text).toMatch(/23:30 Offerta creata: SUN-2/);
    expect(rendered?.text).not.toContain('SAT-1');

    // The send worker mails the carrier as that list (not as a copy of its latest item).
    const { mailbox } = await import('../../src/platform/db/platform.tables.ts');
    await expect
      .poll(
        async () =>
          (await db().select().from(mailbox).where(eq(mailbox.to, 'ops@example.it'))).map((m) => m.subject),
        { timeout: 20_000, interval: 250 },
      )
      .toContain('Riepilogo giornaliero: 2 notifiche');

    // Flushing again changes nothing.
    expect(await t.services.digests.flushDue(t.services.clock.now())).toEqual({ flushed: 0, deliveries: 0 });
    expect(await carriers(early.batchId)).toHaveLength(1);
  });

  it('an item that arrives for a flushed window joins the next one', async () => {
    const first = await collect({ sku: 'MON-1', address: 'late@example.it' });
    await advanceTo('2026-03-30T22:00:00Z');
    expect((await batch(first.batchId))?.state).toBe('flushed');
    // A fan-out that ran late with an instant inside the flushed window.
    const deliveryId = 'dlv_late_1';
    const next = await db().transaction(async (tx) => {
      await tx.insert(deliveries).values({
        sellerId: seller.sellerId,
        id: deliveryId,
        notificationId: `ntf_test_${n}`,
        channel: 'email',
        address: 'late@example.it',
        idempotencyKey: 'late-item',
        state: 'digest',
        nextAttemptAt: t.services.clock.now(),
        createdAt: t.services.clock.now(),
      });
      return t.services.digests.collect(tx, {
        sellerId: seller.sellerId,
        deliveryId,
        type: 'listing.created',
        channel: 'email',
        address: 'late@example.it',
        frequency: 'daily',
        at: new Date('2026-03-30T12:00:00Z'),
      });
    });
    expect(next).not.toBe(first.batchId);
    const b = await batch(next);
    expect(b?.windowStart.toISOString()).toBe('2026-03-30T22:00:00.000Z');
    // Collecting the same delivery again (a fan-out run twice) does not count it twice.
    const again = await db().transaction((tx) =>
      t.services.digests.collect(tx, {
        sellerId: seller.sellerId,
        deliveryId,
        type: 'listing.created',
        channel: 'email',
        address: 'late@example.it',
        frequency: 'daily',
        at: t.services.clock.now(),
      }),
    );
    expect(again).toBe(next);
    expect((await batch(next))?.itemCount).toBe(1);
  });

  it('an empty batch is flushed without sending anything', async () => {
    const now = t.services.clock.now();
    await db()
      .insert(digestBatches)
      .values({
        sellerId: seller.sellerId,
        id: 'dgb_empty',
        type: 'listing.closed',
        channel: 'email',
        address: 'empty@example.it',
        frequency: 'daily',
        windowStart: new Date(now.getTime() - 86_400_000),
        flushAt: now,
        state: 'open',
        itemCount: 0,
      });
    const r = await t.services.digests.flushDue(now);
    expect(r.flushed).toBeGreaterThanOrEqual(1);
    expect((await batch('dgb_empty'))?.state).toBe('flushed');
    expect(await carriers('dgb_empty')).toHaveLength(0);
  });

  it('weekly and monthly batches close on Monday and on the 1st, local time', async () => {
    const w = await collect({ sku: 'W-1', frequency: 'weekly', address: 'weekly@example.it' });
    const m = await collect({ sku: 'M-1', frequency: 'monthly', address: 'monthly@example.it' });
    expect((await batch(w.batchId))?.flushAt.toISOString()).toBe('2026-04-05T22:00:00.000Z');
    expect((await batch(m.batchId))?.flushAt.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    await advanceTo('2026-03-31T22:00:00Z');
    expect(await carriers(m.batchId)).toHaveLength(1);
    expect((await batch(w.batchId))?.state).toBe('open');
    await advanceTo('2026-04-05T22:00:00Z');
    expect(await carriers(w.batchId)).toHaveLength(1);
  });

  it('two flushers at once make one digest per batch', async () => {
    const items = await Promise.all(
      [1, 2, 3].map((i) => collect({ sku: `P-${i}`, address: `p${i}@example.it` })),
    );
    const end = (await batch(items[0]?.batchId ?? ''))?.flushAt ?? new Date();
    const [a, b] = await Promise.all([t.services.digests.flushDue(end), t.services.digests.flushDue(end)]);
    expect((a?.deliveries ?? 0) + (b?.deliveries ?? 0)).toBe(3);
    for (const i of items) expect(await carriers(i.batchId)).toHaveLength(1);
    const [dups] = await db()
      .execute(
        sql`select count(*)::int as n from deliveries where idempotency_key like 'digest:%' group by idempotency_key having count(*) > 1`,
      )
      .then((r) => (r as unknown as { rows: unknown[] }).rows);
    expect(dups).toBeUndefined();
  });
});
