import { describe, expect, it } from 'vitest';
import { DSN_SAMPLES } from '../../../test/support/dsn-samples.ts';
import { deliveryIdFromReturnAddress, returnAddressFor } from './bounce-address.ts';
import { bounceVerdict, parseDeliveryStatus } from './bounce-dsn.ts';

describe('delivery status notifications (NTF-7, RFC 3464)', () => {
  it.each(DSN_SAMPLES)('reads $name', ({ status, expected }) => {
    const report = parseDeliveryStatus(status);
    expect(report.reportingMta).toBeTruthy();
    expect(report.recipients).toHaveLength(1);
    const [r] = report.recipients;
    expect(r?.action).toBe(expected.action);
    expect(r?.status).toBe(expected.status);
    expect(r?.finalRecipient).toMatch(/@/);
    const verdict = bounceVerdict(r as NonNullable<typeof r>);
    expect(verdict.kind).toBe(expected.failed ? 'failed' : 'not_failed');
    if (verdict.kind === 'failed') {
      expect(verdict.code).toBe(expected.code);
      expect(verdict.reason).toBe(expected.reason);
      expect(verdict.evidence).toContain(expected.evidence);
      // Gmail's continuation lines must not leave "550-5.1.1" fragments in what the seller reads.
      expect(verdict.evidence).not.toMatch(/\d{3}-\d\.\d/);
    }
  });

  it('reads several recipients and ignores lines that are not fields', () => {
    const report = parseDeliveryStatus(
      [
        'Reporting-MTA: dns; relay.example',
        'garbage line',
        '',
        'Final-Recipient: rfc822; a@x.example',
        'Action: Failed (permanent)',
        'Status: 5.0.0 (unknown permanent failure)',
        '',
        'Final-Recipient: rfc822; <b@x.example>',
        'Action: delayed',
        'Status: 4.2.2',
      ].join('\n'),
    );
    expect(report.recipients.map((r) => [r.finalRecipient, r.action, r.status])).toEqual([
      ['a@x.example', 'failed', '5.0.0'],
      ['b@x.example', 'delayed', '4.2.2'],
    ]);
    expect(bounceVerdict(report.recipients[0] as never)).toMatchObject({ kind: 'failed', evidence: '5.0.0' });
  });

  it('finds nothing in an empty status part (Google Workspace sends one)', () => {
    expect(parseDeliveryStatus('\r\n\r\n').recipients).toEqual([]);
  });

  it('cuts a very long reason for the alert box', () => {
    const long = `Diagnostic-Code: smtp; 550 5.7.1 ${'blocked '.repeat(100)}`;
    const r = parseDeliveryStatus(
      `Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; a@b\nAction: failed\nStatus: 5.7.1\n${long}`,
    );
    const v = bounceVerdict(r.recipients[0] as never);
    expect(v.kind === 'failed' && v.evidence.length).toBe(300);
  });
});

describe('per-delivery return addresses (VERP)', () => {
  it('round-trips a delivery id', () => {
    const a = returnAddressFor('dlv_01JDSN0000000000000000000A', 'Mercato.test');
    expect(a).toBe('bounce+dlv_01JDSN0000000000000000000A@mercato.test');
    expect(deliveryIdFromReturnAddress(a, 'mercato.test')).toBe('dlv_01JDSN0000000000000000000A');
  });
  it('restores the id when a remote MTA lower-cased the local part', () => {
    expect(
      deliveryIdFromReturnAddress('BOUNCE+dlv_01jdsn0000000000000000000a@MERCATO.TEST', 'mercato.test'),
    ).toBe('dlv_01JDSN0000000000000000000A');
  });
  it.each([
    'postmaster@mercato.test',
    'bounce+@mercato.test',
    'bounce+dlv_01JDSN0000000000000000000A@other.test',
    'bounce+a b@mercato.test',
    'bounce-dlv_01JDSN0000000000000000000A@mercato.test',
    'no-at-sign',
  ])('is not ours: %s', (address) => {
    expect(deliveryIdFromReturnAddress(address, 'mercato.test')).toBeNull();
  });
});
