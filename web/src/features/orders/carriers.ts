// Carrier codes as sellers type them in confirmShipment / the shipping confirmation feed.
// Local carriers of the seller's marketplace come first; "Other" takes a free-text carrier name.

const japan = [
  'Yamato Transport',
  'Sagawa Express',
  'Japan Post',
  'Seino Transportation',
  'Fukuyama Transporting',
];
const italy = ['Poste Italiane', 'BRT', 'GLS', 'SDA', 'Nexive'];
const international = ['DHL', 'UPS', 'FedEx', 'TNT'];

const localCarriers: Record<string, string[]> = {
  A1VC38T7YXB528: japan,
  APJ6JRA9NG5V4: italy,
};

export const otherCarrier = 'Other';

/** Names Japanese sellers know these carriers by; the code sent stays the same. */
const japaneseNames: Record<string, string> = {
  'Yamato Transport': 'ヤマト運輸',
  'Sagawa Express': '佐川急便',
  'Japan Post': '日本郵便',
  'Seino Transportation': '西濃運輸',
  'Fukuyama Transporting': '福山通運',
};

export function carrierLabel(code: string, language: string): string {
  return (language === 'ja' && japaneseNames[code]) || code;
}

export function carriersFor(marketplaceId: string): string[] {
  const local = localCarriers[marketplaceId] ?? [];
  const rest = [...japan, ...italy, ...international].filter((carrier) => !local.includes(carrier));
  return [...local, ...(local.length ? international : rest)];
}
