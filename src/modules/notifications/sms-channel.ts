// NTF-6 SMS (e.g. the Emergency contact number, NTF-2) through an HTTP provider API: POST JSON
// `{to, text}` to SMS_PROVIDER_URL with `Authorization: Bearer SMS_PROVIDER_TOKEN` and the
// delivery id as `Idempotency-Key`, so a provider that honours it never texts twice when a crash
// makes us retry. Without a provider URL there is no adapter: the pipeline skips SMS deliveries
// with reason `sms_not_configured` instead of queueing texts that can never leave.
import type { ChannelAdapter, DeliveryToSend, SendOutcome } from './channel.ts';

export const SMS_NOT_CONFIGURED = 'sms_not_configured';

/** Ten concatenated segments: what common providers accept in one message. */
export const SMS_MAX_CHARS = 1600;
export const SMS_TIMEOUT_MS = 10_000;

export type SmsProviderConfig = {
  providerUrl: string | undefined;
  providerToken: string | undefined;
  timeoutMs?: number;
};

/** The text of the message: the rendered text, cut to what one SMS can carry. */
export function smsText(d: Pick<DeliveryToSend, 'rendered'>): string {
  const text = (d.rendered.text || d.rendered.subject).trim();
  return text.length <= SMS_MAX_CHARS ? text : `${text.slice(0, SMS_MAX_CHARS - 1)}…`;
}

/**
 * What the provider's answer means: 2xx accepted; 400/404/410/422 = this number was refused
 * (permanent: the address is marked failed, NTF-7); 401/403 (our token), 408, 429, 5xx, timeouts
 * and refused connections = temporary, retried with backoff.
 */
export function classifySmsAnswer(status: number): SendOutcome {
  if (status >= 200 && status < 300) return { ok: true, code: status };
  if ([400, 404, 410, 422].includes(status)) {
    return {
      ok: false,
      permanent: true,
      code: status,
      error: `The SMS provider refused this phone number (HTTP ${status}).`,
    };
  }
  return { ok: false, permanent: false, code: status, error: `The SMS provider answered HTTP ${status}.` };
}

/** The SMS adapter, or null when no provider is configured. */
export function createSmsChannel(c: SmsProviderConfig): ChannelAdapter | null {
  const url = c.providerUrl;
  if (!url) return null;
  const timeoutMs = c.timeoutMs ?? SMS_TIMEOUT_MS;
  return {
    async send(d) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': d.deliveryId,
            ...(c.providerToken ? { authorization: `Bearer ${c.providerToken}` } : {}),
          },
          body: JSON.stringify({ to: d.address, text: smsText(d) }),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        return classifySmsAnswer(res.status);
      } catch (err) {
        const name = (err as { name?: string }).name;
        if (name === 'TimeoutError' || name === 'AbortError') {
          return { ok: false, permanent: false, error: 'The SMS provider did not answer in time.' };
        }
        const cause = (err as { cause?: { code?: string } }).cause;
        return {
          ok: false,
          permanent: false,
          error: `The SMS provider could not be reached: ${cause?.code ?? (err as Error).message}`,
        };
      }
    },
  };
}
