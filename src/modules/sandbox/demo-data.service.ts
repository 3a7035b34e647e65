// Demo marketplace for `npm start` on an empty database (issue 2 §11): a seller in Japan and one
// in Italy with a few hundred orders across statuses, an operator, SP-API apps and an operator
// key. Orders go through the real services (create → pay → confirm), so the demo exercises the
// same paths as production. Deterministic: a seeded generator picks the data.
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { getSetting, putSettingOnce } from '../../platform/db/instance-settings.ts';
import type { BuyersService } from '../buyers/index.ts';
import type { MessagingService } from '../messaging/index.ts';
import { loadDemoMessages } from './demo-messages.ts';
import type { IdentityService } from '../identity/index.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import type { CreateOrderInput, OrdersService } from '../orders/index.ts';
import { IT, JP, rng } from './demo-catalogue.ts';

export const DEMO_PASSWORD = 'mercato-demo';

export type DemoCredentials = {
  operator: { email: string; password: string; apiKey: string };
  sellers: {
    marketplaceId: string;
    sellerId: string;
    name: string;
    login: { email: string; password: string };
    spApi: { clientId: string; clientSecret: string; refreshToken: string };
  }[];
  /** "Your Account" buyers with a password (older demo databases have none). */
  buyers?: { name: string; marketplaceId: string; login: { email: string; password: string } }[];
};

export async function hasDemoData(db: Db): Promise<boolean> {
  return (await getSetting(db, 'demo_credentials')) !== undefined;
}

export async function readDemoCredentials(db: Db): Promise<DemoCredentials | null> {
  const raw = await getSetting(db, 'demo_credentials');
  return raw ? (JSON.parse(raw) as DemoCredentials) : null;
}

export async function loadDemoData(o: {
  db: Db;
  clock: Clock;
  marketplaces: MarketplacesService;
  identity: IdentityService;
  orders: OrdersService;
  /** Gives the demo buyers their password (DEMO_PASSWORD) for "Your Account". */
  buyers?: BuyersService;
  /** Adds demo conversations between each demo buyer and seller (issue 5). */
  messaging?: MessagingService;
  ordersPerSeller?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<DemoCredentials> {
  const existing = await readDemoCredentials(o.db);
  if (existing) return existing;
  const perSeller = o.ordersPerSeller ?? 150;
  const passwordHash = await o.identity.hashPassword(DEMO_PASSWORD);
  const operatorKey = await o.identity.createOperatorKey('Demo storefront');
  await o.identity.createUser({
    email: 'operator@demo.mercato.test',
    passwordHash,
    name: 'Demo Operator',
    role: 'operator',
    sellerId: null,
    language: 'en',
  });
  const specs = [
    {
      marketplaceId: 'A1VC38T7YXB528',
      name: 'さくら商店 Sakura Shop',
      email: 'seller-jp@demo.mercato.test',
      data: JP,
      seed: 81,
      country: 'JP',
      lang: 'ja',
      buyer: { name: '山田 花子', email: 'buyer-jp@demo.mercato.test' },
    },
    {
      marketplaceId: 'APJ6JRA9NG5V4',
      name: 'Bottega Aurora',
      email: 'seller-it@demo.mercato.test',
      data: IT,
      seed: 39,
      country: 'IT',
      lang: 'it',
      buyer: { name: 'Giulia Bianchi', email: 'buyer-it@demo.mercato.test' },
    },
  ] as const;
  const creds: DemoCredentials = {
    operator: { email: 'operator@demo.mercato.test', password: DEMO_PASSWORD, apiKey: operatorKey.key },
    sellers: [],
  };
  let done = 0;
  const total = perSeller * specs.length;
  for (const spec of specs) {
    const m = await o.marketplaces.getMarketplace(spec.marketplaceId);
    const seller = await o.marketplaces.createSeller({
      marketplaceId: m.id,
      name: spec.name,
      sellingPlan: 'Professional',
      customerServiceEmail: `cs+${spec.country.toLowerCase()}@demo.mercato.test`,
      emergencyPhone: spec.country === 'JP' ? '+81 3-1234-5678' : '+39 02 1234 5678',
    });
    await o.identity.createUser({
      email: spec.email,
      passwordHash,
      name: spec.name,
      role: 'seller',
      sellerId: seller.id,
      language: spec.lang,
    });
    const app = await o.identity.createApp(seller.id, 'Demo SP-API app');
    const auth = await o.identity.authorizeApp(seller.id, app.id);
    creds.sellers.push({
      marketplaceId: m.id,
      sellerId: seller.id,
      name: seller.name,
      login: { email: spec.email, password: DEMO_PASSWORD },
      spApi: { clientId: app.clientId, clientSecret: app.clientSecret, refreshToken: auth.refreshToken },
    });

    const r = rng(spec.seed);
    const now = o.clock.now().getTime();
    for (let i = 0; i < perSeller; i++) {
      // Spread over the last 30 days; the newest ones are still to ship.
      const ageHours = (perSeller - i) * ((30 * 24) / perSeller) * (0.7 + r.next() * 0.3);
      const purchaseDate = new Date(now - ageHours * 3600_000);
      const lines = r.int(1, 3);
      const items = Array.from({ length: lines }, () => r.pick(spec.data.products)).filter(
        (p, idx, all) => all.findIndex((x) => x.sku === p.sku) === idx,
      );
      const [region, city, postal] = r.pick(spec.data.cities);
      // Every tenth order is the demo buyer's, so "Your Account" shows orders in every state.
      const demoBuyer = i % 10 === 3;
      const picked = r.pick(spec.data.names);
      const name = demoBuyer ? spec.buyer.name : picked;
      const roll = r.next();
      const cvs = spec.country === 'JP' && roll < 0.1;
      const business = r.next() < 0.12;
      const input: CreateOrderInput = {
        marketplaceId: m.id,
        sellerId: seller.id,
        purchaseDate: purchaseDate.toISOString(),
        buyer: {
          name,
          email: demoBuyer ? spec.buyer.email : `buyer${i + 1}.${spec.country.toLowerCase()}@example.com`,
        },
        shippingAddress: {
          name,
          addressLine1: spec.data.street(r),
          city,
          stateOrRegion: region,
          postalCode: postal,
          countryCode: spec.country,
          phone: spec.data.phone(r),
        },
        items: items.map((p) => ({
          sku: p.sku,
          title: p.title,
          quantity: r.int(1, 2),
          unitPrice: { amount: p.price, currencyCode: m.currency },
          shippingPrice: { amount: p.shipping, currencyCode: m.currency },
        })),
        paymentMethod: cvs ? 'CVS' : 'Other',
        paymentVerified: !cvs,
        fulfillmentChannel: 'MFN',
        isBusinessOrder: business,
        purchaseOrderNumber: business && r.next() < 0.8 ? `PO-${r.int(10000, 99999)}` : undefined,
        shipServiceLevel: spec.data.shipServiceLevel,
        shipmentServiceLevelCategory: 'Standard',
        handlingDays: r.int(1, 3),
      };
      const created = await o.orders.createOrder(input, `demo-${spec.country}-${i}`);
      const recent = ageHours < 48;
      if (!cvs && !recent && roll > 0.35) {
        // Most older orders have shipped; a few only partly.
        const order = await o.orders.getOrder(seller.id, created.body.amazonOrderId);
        const orderItems = await o.orders.repo.itemsOf(seller.id, [order.id]);
        const partial = roll > 0.93 && orderItems.length > 1;
        const shipDate = new Date(Math.min(now, purchaseDate.getTime() + r.int(4, 40) * 3600_000));
        await o.orders.confirmShipment({
          sellerId: seller.id,
          amazonOrderId: order.amazonOrderId,
          carrierCode: spec.data.carriers[0] ?? 'Other',
          trackingNumber: spec.data.tracking(r),
          shipDate,
          items: (partial ? orderItems.slice(0, 1) : orderItems).map((it) => ({
            orderItemId: it.orderItemId,
            quantity: it.quantityOrdered,
          })),
          source: 'web',
          actor: { kind: 'seller', id: 'demo' },
        });
      }
      o.onProgress?.(++done, total);
    }
  }
  if (o.buyers) {
    creds.buyers = [];
    for (const spec of specs) {
      const buyer = await o.buyers.findByEmail(spec.buyer.email);
      if (!buyer) continue; // fewer than four orders per seller: no order of the demo buyer
      await o.buyers.setPassword(buyer.id, DEMO_PASSWORD);
      const sellerId = creds.sellers.find((x) => x.marketplaceId === spec.marketplaceId)?.sellerId;
      if (o.messaging && sellerId)
        await loadDemoMessages(o.messaging, { sellerId, buyerId: buyer.id, language: spec.lang });
      creds.buyers.push({
        name: spec.buyer.name,
        marketplaceId: spec.marketplaceId,
        login: { email: spec.buyer.email, password: DEMO_PASSWORD },
      });
    }
  }
  await putSettingOnce(o.db, 'demo_credentials', JSON.stringify(creds));
  return creds;
}
