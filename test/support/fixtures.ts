// Builders for the data most tests need: sellers with logins and SP-API apps, an operator key,
// and orders placed through the marketplace API (the same path a storefront takes).
import type { TestApp } from './test-app.ts';

export const JP = 'A1VC38T7YXB528';
export const IT = 'APJ6JRA9NG5V4';
export const PASSWORD = 'correct horse battery staple';

export type TestSeller = {
  sellerId: string;
  marketplaceId: string;
  email: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  appId: string;
};

let counter = 0;

export async function createSeller(t: TestApp, marketplaceId = JP, name?: string): Promise<TestSeller> {
  const n = ++counter;
  const s = t.services;
  const seller = await s.marketplaces.createSeller({
    marketplaceId,
    name: name ?? `Seller ${n}`,
    sellingPlan: 'Professional',
  });
  const email = `seller${n}-${seller.id.slice(-6).toLowerCase()}@example.test`;
  await s.identity.createUser({
    email,
    password: PASSWORD,
    name: `Seller ${n}`,
    role: 'seller',
    sellerId: seller.id,
    language: 'en',
  });
  const app = await s.identity.createApp(seller.id, `App ${n}`);
  const auth = await s.identity.authorizeApp(seller.id, app.id);
  return {
    sellerId: seller.id,
    marketplaceId,
    email,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    refreshToken: auth.refreshToken,
    appId: app.id,
  };
}

export async function operatorKey(t: TestApp): Promise<string> {
  return (await t.services.identity.createOperatorKey(`key ${++counter}`)).key;
}

export async function spApiToken(t: TestApp, s: TestSeller): Promise<string> {
  const r = await t.request('POST', '/auth/o2/token', {
    body: {
      grant_type: 'refresh_token',
      refresh_token: s.refreshToken,
      client_id: s.clientId,
      client_secret: s.clientSecret,
    },
  });
  if (r.status !== 200) throw new Error(`token: ${r.status} ${r.text}`);
  return r.json.access_token as string;
}

/** Signs in through the web API; returns headers carrying the cookie and CSRF token. */
export async function webLogin(
  t: TestApp,
  email: string,
  password = PASSWORD,
): Promise<Record<string, string>> {
  const r = await t.request('POST', '/api/session', { body: { email, password } });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${r.text}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': r.json.csrfToken as string };
}

export function orderBody(
  s: Pick<TestSeller, 'sellerId' | 'marketplaceId'>,
  over: Record<string, unknown> = {},
) {
  const jpy = s.marketplaceId === JP;
  const cur = jpy ? 'JPY' : 'EUR';
  return {
    marketplaceId: s.marketplaceId,
    sellerId: s.sellerId,
    buyer: { name: jpy ? '山田 太郎' : 'Giulia Rossi', email: `buyer${++counter}@example.com` },
    shippingAddress: {
      name: jpy ? '山田 太郎' : 'Giulia Rossi',
      addressLine1: jpy ? '1-2-3 Shibuya' : 'Via Roma 1',
      city: jpy ? 'Shibuya-ku' : 'Milano',
      stateOrRegion: jpy ? 'Tokyo' : 'MI',
      postalCode: jpy ? '150-0002' : '20121',
      countryCode: jpy ? 'JP' : 'IT',
      phone: jpy ? '090-1234-5678' : '+39 333 1234567',
    },
    items: [
      {
        sku: 'SKU-A',
        title: 'Green tea 100g',
        quantity: 2,
        unitPrice: { amount: jpy ? '1500' : '15.00', currencyCode: cur },
        shippingPrice: { amount: jpy ? '350' : '4.90', currencyCode: cur },
      },
      {
        sku: 'SKU-B',
        title: 'Tea cup',
        quantity: 1,
        unitPrice: { amount: jpy ? '2000' : '20.50', currencyCode: cur },
        shippingPrice: { amount: '0', currencyCode: cur },
      },
    ],
    paymentMethod: 'Other',
    paymentVerified: true,
    fulfillmentChannel: 'MFN',
    isBusinessOrder: false,
    shipServiceLevel: 'Std JP D2D Dom',
    handlingDays: 2,
    ...over,
  };
}

export async function placeOrder(
  t: TestApp,
  key: string,
  s: TestSeller,
  over: Record<string, unknown> = {},
  idempotencyKey?: string,
) {
  const r = await t.request('POST', '/marketplace/v1/orders', {
    body: orderBody(s, over),
    headers: {
      authorization: `Bearer ${key}`,
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
  });
  if (r.status !== 201) throw new Error(`placeOrder: ${r.status} ${r.text}`);
  return r.json as { amazonOrderId: string; status: string; orderId: string };
}
