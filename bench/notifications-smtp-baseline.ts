// Baseline of the notification benchmark: bare nodemailer with the same pooled transport Mercato's
// mailer builds (platform/mail/mailer.ts: pool, SMTP_POOL_SIZE connections, maxMessages 100000),
// sending `count` messages of about `bytes` bytes, one recipient each, with the same VERP envelope
// sender shape and 200 messages in flight (the send worker's batch). Run by notifications-burst.ts
// in a child process of its own, as the worker is; prints one JSON line.
//
//   node --import tsx bench/notifications-smtp-baseline.ts <port> <count> <pool> <bytes>
import nodemailer from 'nodemailer';

const [port, count, pool, bytes] = process.argv.slice(2).map(Number) as [number, number, number, number];
const transporter = nodemailer.createTransport(
  `smtp://127.0.0.1:${port}?pool=true&maxConnections=${pool}&maxMessages=100000`,
);
const text = 'x'.repeat(Math.max(100, bytes - 600)).replace(/(.{76})/g, '$1\n');
const IN_FLIGHT = 200;
let next = 0;
let sent = 0;
let failed = 0;
const t0 = performance.now();
async function lane() {
  while (next < count) {
    const i = next++;
    try {
      await transporter.sendMail({
        from: 'Mercato <no-reply@mercato.local>',
        to: `seller${i % 50}@shop.example`,
        subject: `New order 503-${String(i).padStart(7, '0')}-0000000`,
        text,
        envelope: { from: `bounce+base_${i}@mercato.local`, to: `seller${i % 50}@shop.example` },
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      sent++;
    } catch {
      failed++;
    }
  }
}
await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
const ms = performance.now() - t0;
transporter.close();
process.stdout.write(
  `${JSON.stringify({ sent, failed, ms: Math.round(ms), perSec: Math.round((sent / ms) * 1000) })}\n`,
);
