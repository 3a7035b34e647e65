// A webhook receiver of the test's own: a real HTTP server that verifies every request with the
// `standardwebhooks` package (as a seller's integration would), records it, and answers what the
// test says (2xx, 410, 5xx, or too late).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Received = {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The parsed body when the signature verified, else undefined. */
  verified: unknown;
  verifyError?: string;
};

export async function startWebhookReceiver() {
  const received: Received[] = [];
  const secrets = new Map<string, string>(); // path → secret
  let answer: { status: number; delayMs?: number } = { status: 200 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
      );
      const path = req.url ?? '/';
      const r: Received = { path, headers, body, verified: undefined };
      const secret = secrets.get(path);
      try {
        if (!secret) throw new Error(`no secret for ${path}`);
        r.verified = new Webhook(secret).verify(body, headers);
      } catch (err) {
        r.verifyError = (err as Error).message;
      }
      received.push(r);
      const { status, delayMs } = answer;
      setTimeout(() => {
        res.writeHead(status);
        res.end();
      }, delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    /** The secret the receiver verifies requests to `path` with. */
    trust(path: string, secret: string) {
      secrets.set(path, secret);
    },
    answer(status: number, delayMs?: number) {
      answer = { status, delayMs };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
