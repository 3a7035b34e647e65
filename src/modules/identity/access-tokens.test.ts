import { describe, expect, it } from 'vitest';
import { signAccessToken, verifyAccessToken } from './access-tokens.ts';

const secret = 'x'.repeat(40);
const claims = { app: 'app_1', seller: 'sel_1', auth: 'auth_1', scope: null, exp: 2_000_000_000 };

describe('access tokens', () => {
  it('verifies a token it signed', () => {
    const t = signAccessToken(claims, secret);
    expect(t.startsWith('Atza|')).toBe(true);
    expect(verifyAccessToken(t, secret, 1_000_000_000_000)).toEqual({ ok: true, claims });
  });
  it.each([
    ['expired', (t: string) => t, 2_000_000_000_000, 'expired'],
    ['tampered body', (t: string) => t.replace('Atza|e', 'Atza|f'), 0, 'bad_signature'],
    ['foreign format', () => 'Bearer abc', 0, 'malformed'],
    ['missing signature', (t: string) => t.split('.')[0] ?? '', 0, 'malformed'],
  ])('refuses a %s token', (_name, mutate, now, reason) => {
    const t = mutate(signAccessToken(claims, secret));
    expect(verifyAccessToken(t, secret, now)).toEqual({ ok: false, reason });
  });
  it('refuses a token signed with another secret', () => {
    const t = signAccessToken(claims, 'y'.repeat(40));
    expect(verifyAccessToken(t, secret, 0)).toEqual({ ok: false, reason: 'bad_signature' });
  });
});
