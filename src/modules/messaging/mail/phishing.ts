// MSG-5: sellers are told to treat any "buyer" mail that is not plain text as phishing when it
// claims to come from the marketplace (reference §1.6). A mail received at a relay address whose
// sender name or address mentions the marketplace (its name, its domain, or Amazon) and that
// carries HTML is flagged: the inbox shows it as suspected phishing with its links disabled.

export type PhishingInput = {
  fromName: string;
  fromAddress: string;
  /** The mail had an HTML part (alone or beside a text part). */
  hasHtml: boolean;
};

export type PhishingMarketplace = {
  /** e.g. "Japan" is not distinctive; the sales channel "Mercato.jp" and domain "mercato.jp" are. */
  salesChannel: string;
  domain: string;
};

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The words a sender would use to pass for the marketplace. */
function claimWords(m: PhishingMarketplace): string[] {
  const domain = fold(m.domain);
  const brand = domain.split('.')[0] ?? domain;
  return [
    ...new Set([fold(m.salesChannel), domain, brand, 'amazon', 'アマゾン'].filter((w) => w.length >= 4)),
  ];
}

/** The sender claims to be the marketplace (display name or address mentions it). */
export function claimsToBeMarketplace(
  input: Pick<PhishingInput, 'fromName' | 'fromAddress'>,
  m: PhishingMarketplace,
): boolean {
  // Spacing and punctuation tricks ("M e r c a t o", "mercato-support") are folded away.
  const text = fold(`${input.fromName} ${input.fromAddress}`).replace(/[\s._-]+/g, '');
  return claimWords(m).some((w) => text.includes(w.replace(/[\s._-]+/g, '')));
}

export function isSuspectedPhishing(input: PhishingInput, m: PhishingMarketplace): boolean {
  return input.hasHtml && claimsToBeMarketplace(input, m);
}
