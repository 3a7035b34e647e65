// NTF-6 webhook endpoints: which URLs a seller may register. Only http(s), and (unless the
// operator allowed it with MERCATO_ALLOW_PRIVATE_WEBHOOKS=1) never an address inside the
// operator's network: a webhook is a request our server makes, so a private target would let a
// seller probe the operator's internal services (SSRF). The send worker checks again before each
// attempt (webhook.service.ts), because a name can resolve elsewhere later.
import ipaddr from 'ipaddr.js';

export type UrlVerdict =
  | { ok: true; url: URL; host: string; literalIp: boolean }
  | { ok: false; code: string; message: string };

/** True for an address on the public internet (ipaddr.js range `unicast`), else false. */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  return addr.range() === 'unicast';
}

/** The URL's own checks; host names are resolved by the caller, which calls isPublicAddress. */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, code: 'INVALID_WEBHOOK_URL', message: `"${raw}" is not a URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      code: 'INVALID_WEBHOOK_URL',
      message: 'A webhook URL must start with https:// or http://.',
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      code: 'INVALID_WEBHOOK_URL',
      message: 'A webhook URL cannot carry a user name or password; the requests are signed instead.',
    };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literalIp = ipaddr.isValid(host);
  if (!allowPrivate) {
    const local = host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local');
    if (local || (literalIp && !isPublicAddress(host))) return privateRefusal();
  }
  return { ok: true, url, host, literalIp };
}

export function privateRefusal(): { ok: false; code: string; message: string } {
  return {
    ok: false,
    code: 'WEBHOOK_URL_PRIVATE',
    message:
      'This webhook URL points at a private or local network address. Use an address reachable on the internet (the operator can allow private addresses).',
  };
}
