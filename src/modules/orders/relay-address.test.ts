import { describe, expect, it } from 'vitest';
import { relayAddress } from './relay-address.ts';

describe('relay address (MSG-4)', () => {
  const s = 'k'.repeat(40);
  it('is stable per buyer and seller, whatever the case of the email', () => {
    expect(relayAddress(s, 'sel_1', 'Taro@Example.jp', 'mercato.jp')).toBe(
      relayAddress(s, 'sel_1', 'taro@example.jp ', 'mercato.jp'),
    );
  });
  it('differs between sellers and never contains the real address', () => {
    const a = relayAddress(s, 'sel_1', 'taro@example.jp', 'mercato.jp');
    expect(a).not.toBe(relayAddress(s, 'sel_2', 'taro@example.jp', 'mercato.jp'));
    expect(a).toMatch(/^[a-z2-7]{16}@relay\.mercato\.jp$/);
    expect(a).not.toContain('taro');
  });
});
