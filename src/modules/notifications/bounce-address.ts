// NTF-7: per-delivery return addresses (VERP). The email channel sends every delivery with the
// envelope sender `bounce+<deliveryId>@<domain>`, so a bounce that arrives later at the inbound
// SMTP server names the one delivery (and so the one address) that failed, whatever the remote
// MTA wrote in the report. Any other recipient is refused at RCPT.

const LOCAL_PREFIX = 'bounce+';

/** The envelope sender (Return-Path) of one delivery's email. */
export function returnAddressFor(deliveryId: string, domain: string): string {
  return `${LOCAL_PREFIX}${deliveryId}@${domain.toLowerCase()}`;
}

// Our ids are `<lowercase prefix>_<26-char ULID in upper-case Crockford base32>` (platform/ids).
const OUR_ID = /^([a-z]+)_([0-9a-z]{26})$/i;
const ANY_ID = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * The delivery id a return address stands for, or null when the address is not one of ours (other
 * domain, other local part, or a malformed id). Some MTAs fold the local part to lower case
 * (RFC 5321 says they should not): our id shape lets us restore it.
 */
export function deliveryIdFromReturnAddress(address: string, domain: string): string | null {
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const local = address.slice(0, at);
  const host = address.slice(at + 1);
  if (host.toLowerCase() !== domain.toLowerCase()) return null;
  if (local.slice(0, LOCAL_PREFIX.length).toLowerCase() !== LOCAL_PREFIX) return null;
  const id = local.slice(LOCAL_PREFIX.length);
  const ours = OUR_ID.exec(id);
  if (ours) return `${(ours[1] as string).toLowerCase()}_${(ours[2] as string).toUpperCase()}`;
  return ANY_ID.test(id) ? id : null;
}
