// Buyer accounts of "Your Account" (ORD-14 and the buyer side of ORD-5/13): one buyer per email
// (case-insensitive), created at checkout; sign-in by one-time links the storefront issues, or by
// password for buyers that have one (demo buyers). Security time (link and session expiry,
// throttling) reads the real clock, as the seller sign-in does: moving sandbox time must not
// sign buyers out.
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Clock } from '../../platform/clock.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import { type IdentityService, sha256 } from '../identity/index.ts';
import { type BuyerRow, createBuyersRepository } from './buyers.repository.ts';

export const BUYER_LANGUAGES = ['en', 'ja', 'it'] as const;
export type BuyerLanguage = (typeof BUYER_LANGUAGES)[number];

/** A sign-in link works once, for this long (long enough to open an email, short if leaked). */
export const SIGN_IN_LINK_MINUTES = 15;

export type BuyerProfile = { id: string; email: string; name: string; language: BuyerLanguage };
export type BuyerSession = { buyer: BuyerProfile; csrfToken: string; expiresAt: Date };

export type BuyersOptions = {
  db: Db;
  ids: Ids;
  /** Real time, for expiry and throttling. */
  clock: Clock;
  sessionTtlHours: number;
  /** Origin of the web app, for the sign-in links handed to the storefront. */
  publicUrl: string;
  throttle: IdentityService['loginThrottle'];
};

const asLanguage = (value: string): BuyerLanguage =>
  (BUYER_LANGUAGES as readonly string[]).includes(value) ? (value as BuyerLanguage) : 'en';

const profile = (b: BuyerRow): BuyerProfile => ({
  id: b.id,
  email: b.email,
  name: b.name,
  language: asLanguage(b.language),
});

export function createBuyersService(o: BuyersOptions) {
  const repo = createBuyersRepository(o.db);

  async function openSession(buyer: BuyerRow) {
    const now = o.clock.now();
    const token = o.ids.token('', 32);
    const csrfToken = o.ids.token('', 24);
    const expiresAt = new Date(now.getTime() + o.sessionTtlHours * 3600_000);
    await repo.insertSession({
      tokenHash: sha256(token),
      buyerId: buyer.id,
      csrfToken,
      createdAt: now,
      expiresAt,
    });
    return { token, session: { buyer: profile(buyer), csrfToken, expiresAt } satisfies BuyerSession };
  }

  return {
    /**
     * Checkout: the buyer of this email, created on first purchase. Runs inside the order's
     * transaction, so an order never points at a buyer that was not written.
     */
    async ensureBuyer(tx: DbOrTx, input: { email: string; name: string; language: string }): Promise<string> {
      return repo.upsertByEmail(tx, {
        id: o.ids.next('buy'),
        email: input.email.trim(),
        name: input.name.trim(),
        language: asLanguage(input.language),
        createdAt: o.clock.now(),
      });
    },

    async findById(id: string): Promise<BuyerProfile | undefined> {
      const b = await repo.byId(id);
      return b ? profile(b) : undefined;
    },

    async findByEmail(email: string): Promise<BuyerProfile | undefined> {
      const b = await repo.byEmail(email);
      return b ? profile(b) : undefined;
    },

    /** Demo data and storefronts that delegate passwords: sets (or replaces) the buyer's password. */
    async setPassword(buyerId: string, password: string): Promise<void> {
      if (password.length < 8) throw invalid('PASSWORD_TOO_SHORT', 'A password needs at least 8 characters.');
      await repo.setPasswordHash(buyerId, await argonHash(password));
    },

    /** Marketplace API: a one-time sign-in link for a buyer (only the token's hash is stored). */
    async issueSignInLink(email: string): Promise<{ url: string; expiresAt: Date }> {
      const buyer = await repo.byEmail(email);
      if (!buyer) {
        throw notFound(
          'BUYER_NOT_FOUND',
          `No buyer account has the email address ${email}: it is created with the first order.`,
        );
      }
      const now = o.clock.now();
      const token = o.ids.token('', 32);
      const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
      await repo.deleteExpiredSignInTokens(buyer.id, now);
      await repo.insertSignInToken({ tokenHash: sha256(token), buyerId: buyer.id, expiresAt, usedAt: null });
      const url = new URL('/account/sign-in', o.publicUrl);
      url.searchParams.set('token', token);
      return { url: url.toString(), expiresAt };
    },

    /** Exchanges a sign-in link's token for a session; a link works once and for 15 minutes. */
    async signInWithLink(token: string) {
      const hash = sha256(token);
      const buyerId = await repo.consumeSignInToken(hash, o.clock.now());
      if (!buyerId) {
        const state = await repo.signInTokenState(hash);
        if (state?.usedAt) {
          throw unauthenticated(
            'SIGN_IN_LINK_USED',
            'This sign-in link was already used. Ask the store for a new one.',
          );
        }
        if (state) {
          throw unauthenticated(
            'SIGN_IN_LINK_EXPIRED',
            `This sign-in link has expired (links work for ${SIGN_IN_LINK_MINUTES} minutes). Ask the store for a new one.`,
          );
        }
        throw unauthenticated(
          'SIGN_IN_LINK_INVALID',
          'This sign-in link is not valid. Ask the store for a new one.',
        );
      }
      const buyer = await repo.byId(buyerId);
      if (!buyer)
        throw unauthenticated(
          'SIGN_IN_LINK_INVALID',
          'This sign-in link is not valid. Ask the store for a new one.',
        );
      return openSession(buyer);
    },

    /** Email and password, throttled like the seller sign-in (same policy and store, own keys). */
    async login(email: string, password: string, clientAddress: string) {
      const emailKey = `buyer-email:${email.trim().toLowerCase()}`;
      const ipKey = `buyer-ip:${clientAddress}`;
      await o.throttle.check(emailKey, ipKey);
      const buyer = await repo.byEmail(email.trim());
      const ok = buyer?.passwordHash
        ? await argonVerify(buyer.passwordHash, password).catch(() => false)
        : false;
      if (!buyer || !ok) {
        await o.throttle.fail([emailKey, ipKey]);
        throw unauthenticated('INVALID_CREDENTIALS', 'The email address or password is not correct.');
      }
      await o.throttle.clear(emailKey);
      return openSession(buyer);
    },

    async session(token: string): Promise<BuyerSession | null> {
      const s = await repo.sessionByHash(sha256(token), o.clock.now());
      if (!s) return null;
      const buyer = await repo.byId(s.buyerId);
      return buyer ? { buyer: profile(buyer), csrfToken: s.csrfToken, expiresAt: s.expiresAt } : null;
    },

    async logout(token: string): Promise<void> {
      await repo.deleteSession(sha256(token));
    },

    async setLanguage(buyerId: string, language: BuyerLanguage): Promise<void> {
      await repo.setLanguage(buyerId, language);
    },
  };
}

export type BuyersService = ReturnType<typeof createBuyersService>;
