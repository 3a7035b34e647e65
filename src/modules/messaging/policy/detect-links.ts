// MSG-8 links and MSG-11 e-mail addresses, found by linkify-it on the canonical text
// (fuzzyLink on: "example.com" without a scheme is a link; fuzzyIP off: "1.2.3.4" is a version).
import { LinkifyIt } from 'linkify-it';
import tlds from 'tlds';

const linkify = new LinkifyIt().set({ fuzzyLink: true, fuzzyIP: false, fuzzyEmail: true }).tlds(tlds);

/** File names whose extension is also a TLD ("README.md", "photos.zip") are not links. */
const FILE_EXTENSIONS = new Set([
  'zip',
  'mov',
  'md',
  'py',
  'rs',
  'sh',
  'ps',
  'pl',
  'cc',
  'mp',
  'ai',
  'ms',
  'so',
  'bat',
]);

const MAYBE_LINK = /[\p{L}\p{N}-]\.[\p{L}\p{N}]|@|:\/\//u;

export type LinkFinding = {
  kind: 'link' | 'email';
  start: number;
  end: number;
  /** Host for links, address for e-mails (lower case). */
  value: string;
  /** Carrier tracking page (allow-list) or relay address: protected, not a violation. */
  allowed: boolean;
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return (
      url
        .replace(/^[a-z]+:\/\//i, '')
        .split(/[/?#:]/)[0]
        ?.toLowerCase() ?? ''
    );
  }
}

const stripWww = (h: string) => h.replace(/^www\d?\./, '');

/** Host match including subdomains; "www." is ignored on both sides (www.poste.it ≙ poste.it). */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  const h = stripWww(host);
  for (const a of allowed) {
    const b = stripWww(a.toLowerCase());
    if (h === b || h.endsWith(`.${b}`)) return true;
  }
  return false;
}

export function detectLinks(
  text: string,
  carrierHosts: readonly string[],
  relayDomain: string,
): LinkFinding[] {
  // Every link or address needs "x.y", "@" or "://": skip linkify-it's scan when none is there.
  if (!MAYBE_LINK.test(text) || !linkify.test(text)) return [];
  const matches = linkify.match(text);
  if (!matches) return [];
  const relay = relayDomain.toLowerCase();
  const out: LinkFinding[] = [];
  for (const m of matches) {
    if (m.schema === 'mailto:') {
      const address = m.url.replace(/^mailto:/i, '').toLowerCase();
      const domain = address.slice(address.lastIndexOf('@') + 1);
      out.push({
        kind: 'email',
        start: m.index,
        end: m.lastIndex,
        value: address,
        allowed: domain === relay,
      });
      continue;
    }
    const host = hostOf(m.url);
    if (m.schema === '' && !m.raw.includes('/') && !/^www\./i.test(m.raw)) {
      const tld = host.slice(host.lastIndexOf('.') + 1);
      if (FILE_EXTENSIONS.has(tld) && host.split('.').length === 2) continue;
    }
    out.push({
      kind: 'link',
      start: m.index,
      end: m.lastIndex,
      value: host,
      allowed: isAllowedHost(host, carrierHosts),
    });
  }
  return out;
}
