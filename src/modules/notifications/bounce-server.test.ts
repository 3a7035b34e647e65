// The inbound bounce server over real SMTP (nodemailer as the remote MTA), NTF-7.
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DSN_SAMPLES, dsnMessage } from '../../../test/support/dsn-samples.ts';
import { createLogger } from '../../platform/logger.ts';
import { returnAddressFor } from './bounce-address.ts';
import { type BounceReport, type BounceServer, startBounceServer } from './bounce-server.ts';

const DOMAIN = 'bounces.mercato.test';
const recorded: { deliveryId: string; bounce: BounceReport }[] = [];
let failWith: Error | null = null;
let server: BounceServer;
let remote: Transporter;

beforeAll(async () => {
  server = await startBounceServer({
    port: 0,
    host: '127.0.0.1',
    domain: DOMAIN,
    log: createLogger('silent'),
    async recordBounce(deliveryId, bounce) {
      if (failWith) throw failWith;
      if (deliveryId.endsWith('UNKNOWN')) return false;
      recorded.push({ deliveryId, bounce });
      return true;
    },
  });
  remote = nodemailer.createTransport({
    host: '127.0.0.1',
    port: server.port,
    secure: false,
    ignoreTLS: true,
  });
});
afterAll(async () => {
  remote.close();
  await server.close();
});
beforeEach(() => {
  recorded.length = 0;
  failWith = null;
});

/** Sends a raw message as a remote MTA sends a bounce: null reverse path, one recipient. */
const deliver = (to: string, raw: string) => remote.sendMail({ envelope: { from: '', to }, raw });

describe('inbound bounce server (NTF-7)', () => {
  it('refuses every recipient that is not a return address with 550 at RCPT', async () => {
    for (const to of ['postmaster@bounces.mercato.test', `bounce+dlv_${'A'.repeat(26)}@elsewhere.test`]) {
      const err = (await deliver(to, dsnMessage({ to, status: DSN_SAMPLES[0]?.status ?? '' })).catch(
        (e: unknown) => e,
      )) as { responseCode?: number; response?: string };
      expect(err.responseCode).toBe(550);
      expect(err.response).toMatch(/No such recipient/);
    }
    expect(recorded).toEqual([]);
  });

  it.each(DSN_SAMPLES)('records a final failure only: $name', async (sample) => {
    const deliveryId = 'dlv_01JDSN0000000000000000000C';
    const to = returnAddressFor(deliveryId, DOMAIN);
    const info = await deliver(to, dsnMessage({ to, status: sample.status }));
    expect(info.accepted).toEqual([to]);
    if (!sample.expected.failed) {
      expect(recorded).toEqual([]);
      return;
    }
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.deliveryId).toBe(deliveryId);
    expect(recorded[0]?.bounce).toMatchObject({ code: sample.expected.code, status: sample.expected.status });
    expect(recorded[0]?.bounce.evidence).toContain(sample.expected.evidence);
  });

  it('maps a return address whose local part a remote MTA lower-cased', async () => {
    const to = returnAddressFor('dlv_01JDSN0000000000000000000D', DOMAIN).toLowerCase();
    await deliver(to, dsnMessage({ to, status: DSN_SAMPLES[0]?.status ?? '' }));
    expect(recorded.map((r) => r.deliveryId)).toEqual(['dlv_01JDSN0000000000000000000D']);
  });

  it('accepts and ignores an auto-reply that carries no delivery status', async () => {
    const to = returnAddressFor('dlv_01JDSN0000000000000000000E', DOMAIN);
    const raw = [
      `To: ${to}`,
      'From: seller@shop.example',
      'Subject: Out of office',
      'Auto-Submitted: auto-replied',
      '',
      'I am away until Monday.',
      '',
    ].join('\r\n');
    const info = await deliver(to, raw);
    expect(info.accepted).toEqual([to]);
    expect(recorded).toEqual([]);
  });

  it('answers 451 when the failure cannot be stored, so the remote MTA tries again', async () => {
    failWith = new Error('database unavailable');
    const to = returnAddressFor('dlv_01JDSN0000000000000000000F', DOMAIN);
    const err = (await deliver(to, dsnMessage({ to, status: DSN_SAMPLES[0]?.status ?? '' })).catch(
      (e: unknown) => e,
    )) as { responseCode?: number };
    expect(err.responseCode).toBe(451);
  });

  it('accepts and drops a bounce for a delivery that does not exist', async () => {
    const to = returnAddressFor('dlv_UNKNOWN', DOMAIN);
    const info = await deliver(to, dsnMessage({ to, status: DSN_SAMPLES[0]?.status ?? '' }));
    expect(info.accepted).toEqual([to]);
    expect(recorded).toEqual([]);
  });
});
