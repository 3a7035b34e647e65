// NTF-6: one webhook attempt over HTTP. A short timeout (10 s by default; Svix allows 15) so a
// slow endpoint costs one worker slot for at most that long and never holds up other sellers'
// deliveries; redirects are not followed (Standard Webhooks: 3xx is a failure).
import type { WebhookAttempt } from './webhook-message.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<WebhookAttempt> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'user-agent': 'Mercato-Webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drain the answer (bounded by the same timeout) so the connection can be reused.
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status };
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { timeout: true };
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { networkError: cause?.code ?? cause?.message ?? (err as Error).message };
  }
}
