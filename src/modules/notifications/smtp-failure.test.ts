import { describe, expect, it } from 'vitest';
import { classifySmtpFailure } from './smtp-failure.ts';

describe('classifySmtpFailure (NTF-7, RFC 5321/3463)', () => {
  it.each([
    [550, '550 5.1.1 No such user', true, 'unknown_mailbox'],
    [550, '550 Mailbox unavailable', true, 'unknown_mailbox'],
    [552, '552 5.2.2 Mailbox full', true, 'mailbox_full'],
    [552, '552 Exceeded storage allocation', true, 'mailbox_full'],
    [452, '452 4.2.2 Mailbox over quota', false, 'mailbox_full'],
    [450, '450 4.7.1 Greylisted, retry later', false, 'temporary'],
    [421, '421 Service not available', false, 'temporary'],
    [550, '550 5.7.1 Message refused by policy', true, 'rejected'],
    [554, '554 5.6.0 Transaction failed', true, 'rejected'],
    [null, 'connect ECONNREFUSED 127.0.0.1:25', false, 'connection'],
  ] as const)('%s %s → permanent=%s %s', (code, response, permanent, reason) => {
    expect(classifySmtpFailure(code, response)).toEqual({ permanent, reason });
  });

  it('decides on the enhanced code over the basic one when both are present', () => {
    expect(classifySmtpFailure(550, '550 4.2.2 odd server').permanent).toBe(false);
  });
});
