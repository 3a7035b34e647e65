// MSG-3: buyer messages reach the seller at the Customer Service Reply-to address, which the
// seller is asked to verify: a one-time link (48 h) proves the seller reads that mailbox before
// Mercato forwards buyers' mail to it. Only the token's hash is stored. Changing the address
// un-verifies it; the same address saved again keeps its verification.
import { createHash } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { renderSimpleEmail } from '../../platform/mail/simple-email.ts';
import type { MarketplacesService } from '../marketplaces/index.ts';
import { customerServiceEmailVerifications as verifications } from './messaging.tables.ts';

export const VERIFICATION_TTL_HOURS = 48;

export type CustomerServiceEmailView = {
  email: string | null;
  verified: boolean;
  verificationSentAt: string | null;
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export function createCustomerServiceEmailService(o: {
  db: Db;
  ids: Ids;
  /** Security time (token expiry): the real clock. */
  clock: Clock;
  marketplaces: MarketplacesService;
  mailer: Mailer;
  publicUrl: string;
}) {
  async function view(sellerId: string): Promise<CustomerServiceEmailView> {
    const seller = await o.marketplaces.getSeller(sellerId);
    const [last] = seller.customerServiceEmail
      ? await o.db
          .select({ createdAt: verifications.createdAt })
          .from(verifications)
          .where(
            and(eq(verifications.sellerId, sellerId), eq(verifications.email, seller.customerServiceEmail)),
          )
          .orderBy(desc(verifications.createdAt))
          .limit(1)
      : [];
    return {
      email: seller.customerServiceEmail,
      verified: !!seller.customerServiceEmail && !!seller.customerServiceEmailVerifiedAt,
      verificationSentAt: last?.createdAt.toISOString() ?? null,
    };
  }

  async function sendVerification(sellerId: string, email: string): Promise<void> {
    const seller = await o.marketplaces.getSeller(sellerId);
    const token = o.ids.token('', 32);
    const now = o.clock.now();
    await o.db.insert(verifications).values({
      tokenHash: sha256(token),
      sellerId,
      email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + VERIFICATION_TTL_HOURS * 3600_000),
    });
    const link = `${o.publicUrl.replace(/\/$/, '')}/verify-email?token=${encodeURIComponent(token)}`;
    const t = TEXT[seller.language as keyof typeof TEXT] ?? TEXT.en;
    const mail = renderSimpleEmail({
      subject: t.subject,
      hello: t.hello(seller.name),
      paragraphs: [t.body(email), link, t.expiry(VERIFICATION_TTL_HOURS)],
      footer: t.footer,
    });
    await o.mailer.send({ to: email, subject: mail.subject, text: mail.text, html: mail.html });
  }

  return {
    get: view,

    /** PUT: saves the address; a new one is unverified and gets a verification link. */
    async set(sellerId: string, rawEmail: string): Promise<CustomerServiceEmailView> {
      const email = rawEmail.trim().toLowerCase();
      if (!EMAIL.test(email) || email.length > 254) {
        throw invalid('INVALID_EMAIL', `"${rawEmail}" is not an email address.`);
      }
      const seller = await o.marketplaces.getSeller(sellerId);
      if (seller.customerServiceEmail?.toLowerCase() === email && seller.customerServiceEmailVerifiedAt) {
        return view(sellerId);
      }
      await o.marketplaces.setCustomerServiceEmail(sellerId, email, null);
      await sendVerification(sellerId, email);
      return view(sellerId);
    },

    async resend(sellerId: string): Promise<CustomerServiceEmailView> {
      const seller = await o.marketplaces.getSeller(sellerId);
      if (!seller.customerServiceEmail) {
        throw invalid('NO_CUSTOMER_SERVICE_EMAIL', 'Enter a Customer Service Reply-to address first.');
      }
      if (seller.customerServiceEmailVerifiedAt) {
        throw new AppError(
          'conflict',
          'ALREADY_VERIFIED',
          `${seller.customerServiceEmail} is already verified.`,
        );
      }
      await sendVerification(sellerId, seller.customerServiceEmail);
      return view(sellerId);
    },

    /** The link's page: verifies the address the token was sent to, if it is still the seller's. */
    async verify(token: string): Promise<{ email: string; verified: true }> {
      const now = o.clock.now();
      const [row] = await o.db
        .select()
        .from(verifications)
        .where(eq(verifications.tokenHash, sha256(token)));
      if (!row) throw notFound('VERIFICATION_NOT_FOUND', 'This verification link is not valid.');
      if (row.usedAt) throw invalid('VERIFICATION_USED', 'This verification link was already used.');
      if (row.expiresAt <= now) {
        throw invalid(
          'VERIFICATION_EXPIRED',
          'This verification link has expired; send a new one from Settings.',
        );
      }
      const seller = await o.marketplaces.getSeller(row.sellerId);
      if (seller.customerServiceEmail?.toLowerCase() !== row.email.toLowerCase()) {
        throw invalid(
          'VERIFICATION_SUPERSEDED',
          `The Customer Service address was changed after this link was sent; verify ${seller.customerServiceEmail ?? 'the new address'} instead.`,
        );
      }
      const used = await o.db
        .update(verifications)
        .set({ usedAt: now })
        .where(and(eq(verifications.tokenHash, row.tokenHash), isNull(verifications.usedAt)))
        .returning({ tokenHash: verifications.tokenHash });
      if (!used.length) throw invalid('VERIFICATION_USED', 'This verification link was already used.');
      await o.marketplaces.setCustomerServiceEmail(row.sellerId, row.email, now);
      return { email: row.email, verified: true };
    },
  };
}

export type CustomerServiceEmailService = ReturnType<typeof createCustomerServiceEmailService>;

const TEXT = {
  en: {
    subject: 'Verify your Customer Service Reply-to address',
    hello: (n: string) => `Hello ${n},`,
    body: (e: string) =>
      `Please confirm that buyer messages may be sent to ${e}. Open this link to verify the address:`,
    expiry: (h: number) => `The link works once and expires in ${h} hours.`,
    footer: 'If you did not ask for this, ignore this email.',
  },
  ja: {
    subject: 'カスタマーサービス返信先メールアドレスの確認',
    hello: (n: string) => `${n} 様`,
    body: (e: string) =>
      `購入者からのメッセージを ${e} に転送してよいか確認します。次のリンクを開いてください:`,
    expiry: (h: number) => `リンクは1回限り有効で、${h}時間後に失効します。`,
    footer: 'お心当たりのない場合は、このメールを無視してください。',
  },
  it: {
    subject: "Verifica l'indirizzo di risposta del Servizio clienti",
    hello: (n: string) => `Gentile ${n},`,
    body: (e: string) =>
      `Conferma che i messaggi degli acquirenti possono essere inviati a ${e}. Apri questo link:`,
    expiry: (h: number) => `Il link è valido una sola volta e scade tra ${h} ore.`,
    footer: 'Se non hai richiesto la verifica, ignora questa email.',
  },
};
