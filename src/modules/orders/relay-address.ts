// MSG-4: every buyer has a stable anonymised address per seller, `<id>@relay.<marketplace domain>`.
// Derived with a keyed hash so it is stable without a lookup and reveals nothing of the real one.
import { createHmac } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export function relayAddress(
  secret: string,
  sellerId: string,
  buyerEmail: string,
  marketplaceDomain: string,
): string {
  const digest = createHmac('sha256', secret)
    .update(`${sellerId}\n${buyerEmail.trim().toLowerCase()}`)
    .digest();
  let local = '';
  for (let i = 0; i < 16; i++) local += ALPHABET[(digest[i] ?? 0) % 32];
  return `${local}@relay.${marketplaceDomain}`;
}
