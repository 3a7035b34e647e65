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

/**
 * linkify-it never matches across a space, tab, line break or other Z/Cc separator, and every
 * link it finds needs an "@" (e-mail, mailto:), a "/" (http://, //host) or a "." followed by more
 * characters (example.com). So only the whitespace-delimited chunks holding one of those can
 * contain a link: they are joined with single spaces (a separator to linkify-it, exactly like the
 * original whitespace) and scanned instead of the whole text — ~30× fewer characters for a
 * typical message, with the same matches.
 */
const LINK_HINT = /[@/.]/g;
const isBreak = (c: number) =>
  c <= 0x20 ||
  (c >= 0x7f && c <= 0xa0) ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;

type Chunks = {
  joined: string /** start in the original */;
  from: number[] /** start in joined */;
  at: number[];
};

function linkChunks(text: string): Chunks | null {
  const n = text.length;
  const parts: string[] = [];
  const from: number[] = [];
  const at: number[] = [];
  let length = 0;
  LINK_HINT.lastIndex = 0;
  for (let m = LINK_HINT.exec(text); m; m = LINK_HINT.exec(text)) {
    const i = m.index;
    if (text.charCodeAt(i) === 0x2e && (i + 1 >= n || isBreak(text.charCodeAt(i + 1)))) continue;
    let s = i;
    while (s > 0 && !isBreak(text.charCodeAt(s - 1))) s--;
    let e = i + 1;
    while (e < n && !isBreak(text.charCodeAt(e))) e++;
    if (parts.length) length++;
    from.push(s);
    at.push(length);
    parts.push(text.slice(s, e));
    length += e - s;
    LINK_HINT.lastIndex = e;
  }
  if (parts.length === 0) return null;
  return { joined: parts.join(' '), from, at };
}

/** Offset in the joined chunks → offset in the original text. */
function original(chunks: Chunks, index: number, end = false): number {
  let k = chunks.at.length - 1;
  // An end offset belongs to the chunk it closes, never to the next one.
  while (k > 0 && (chunks.at[k] as number) > index - (end ? 1 : 0)) k--;
  return (chunks.from[k] as number) + index - (chunks.at[k] as number);
}

export function detectLinks(
  text: string,
  carrierHosts: readonly string[],
  relayDomain: string,
): LinkFinding[] {
  // Every link or address needs "x.y", "@" or "://": skip linkify-it's scan when none is there.
  if (!MAYBE_LINK.test(text)) return [];
  const chunks = linkChunks(text);
  if (!chunks || !linkify.test(chunks.joined)) return [];
  const found = linkify.match(chunks.joined);
  if (!found) return [];
  const matches = found.map((m) => ({
    schema: m.schema,
    url: m.url,
    raw: m.raw,
    index: original(chunks, m.index),
    lastIndex: original(chunks, m.lastIndex, true),
  }));
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
