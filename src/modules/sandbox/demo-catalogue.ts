// The sample data of the sandbox (buyers, addresses, products, carriers per country) and the
// deterministic generator that picks from it: shared by the demo data and the bulk seeder.
import type { Marketplace } from '../marketplaces/index.ts';

export type Product = { sku: string; title: string; price: string; shipping: string };
export type Locale = {
  country: string;
  names: string[];
  cities: [string, string, string][];
  products: Product[];
  street: (r: Rng) => string;
  phone: (r: Rng) => string;
  carriers: string[];
  tracking: (r: Rng) => string;
  shipServiceLevel: string;
  cvsShare: number;
};

export const JP: Locale = {
  country: 'JP',
  names: [
    '山田 太郎',
    '佐藤 花子',
    '鈴木 一郎',
    '高橋 美咲',
    '田中 健',
    '伊藤 さくら',
    '渡辺 大輔',
    '中村 優子',
    '小林 翔',
    '加藤 由美',
  ],
  cities: [
    ['東京都', '渋谷区', '150-0002'],
    ['大阪府', '大阪市北区', '530-0001'],
    ['愛知県', '名古屋市中区', '460-0008'],
    ['福岡県', '福岡市博多区', '812-0011'],
    ['北海道', '札幌市中央区', '060-0001'],
    ['神奈川県', '横浜市西区', '220-0011'],
    ['京都府', '京都市下京区', '600-8216'],
  ],
  products: [
    { sku: 'JP-TEA-001', title: '静岡県産 深蒸し煎茶 100g', price: '1280', shipping: '350' },
    { sku: 'JP-KNF-002', title: '関の刃物 三徳包丁 165mm', price: '6800', shipping: '0' },
    { sku: 'JP-TOW-003', title: '今治タオル フェイスタオル 2枚組', price: '2200', shipping: '350' },
    { sku: 'JP-BWL-004', title: '有田焼 茶碗 藍染', price: '3300', shipping: '500' },
    { sku: 'JP-NBK-005', title: 'A5 方眼ノート 5冊パック', price: '980', shipping: '250' },
    { sku: 'JP-CHP-006', title: '若狭塗 箸 2膳セット', price: '2750', shipping: '250' },
    { sku: 'JP-FUR-007', title: '風呂敷 綿 70cm 唐草', price: '1650', shipping: '250' },
    { sku: 'JP-SAK-008', title: '純米吟醸 酒器セット', price: '4400', shipping: '600' },
  ],
  street: (r) => `${r.int(1, 5)}-${r.int(1, 20)}-${r.int(1, 30)}`,
  phone: (r) => `090-${r.int(1000, 9999)}-${r.int(1000, 9999)}`,
  carriers: ['Yamato Transport', 'Sagawa Express', 'Japan Post'],
  tracking: (r) => `${r.int(1000, 9999)}${r.int(1000, 9999)}${r.int(1000, 9999)}`,
  shipServiceLevel: 'Std JP D2D Dom',
  cvsShare: 0.1,
};

export const IT: Locale = {
  country: 'IT',
  names: [
    'Giulia Rossi',
    'Marco Bianchi',
    'Francesca Romano',
    'Luca Colombo',
    'Chiara Ricci',
    'Alessandro Greco',
    'Sara Conti',
    'Matteo Galli',
    'Elena Marino',
  ],
  cities: [
    ['MI', 'Milano', '20121'],
    ['RM', 'Roma', '00184'],
    ['TO', 'Torino', '10121'],
    ['FI', 'Firenze', '50122'],
    ['NA', 'Napoli', '80132'],
    ['BO', 'Bologna', '40121'],
    ['PA', 'Palermo', '90133'],
  ],
  products: [
    { sku: 'IT-OIL-001', title: 'Olio extravergine di oliva 750 ml', price: '14.90', shipping: '4.90' },
    { sku: 'IT-PST-002', title: 'Pasta di Gragnano IGP, 6 x 500 g', price: '12.50', shipping: '4.90' },
    { sku: 'IT-MOK-003', title: 'Caffettiera moka 6 tazze', price: '29.99', shipping: '0' },
    { sku: 'IT-LTH-004', title: 'Portafoglio in pelle fatto a mano', price: '45.00', shipping: '5.50' },
    { sku: 'IT-CER-005', title: 'Piatti in ceramica di Deruta, set da 4', price: '68.00', shipping: '9.90' },
    { sku: 'IT-BAL-006', title: 'Aceto balsamico di Modena IGP 250 ml', price: '9.80', shipping: '4.90' },
    { sku: 'IT-GLS-007', title: 'Bicchieri in vetro di Murano, coppia', price: '54.00', shipping: '7.90' },
  ],
  street: (r) => `Via Roma ${r.int(1, 200)}`,
  phone: (r) => `+39 3${r.int(10, 99)} ${r.int(100000, 999999)}`,
  carriers: ['BRT', 'Poste Italiane', 'GLS'],
  tracking: (r) => `IT${r.int(10000000, 99999999)}`,
  shipServiceLevel: 'Std IT Dom',
  cvsShare: 0,
};

export function localeFor(m: Marketplace): Locale {
  if (m.countryCode === 'JP') return JP;
  if (m.countryCode === 'IT') return IT;
  // Any other marketplace: Italian-style data priced in its own currency.
  return { ...IT, country: m.countryCode, shipServiceLevel: 'Standard' };
}

/** mulberry32: small, fast and deterministic for a given seed. */
export type Rng = { next(): number; int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T };
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)] as (typeof xs)[number],
  };
}
