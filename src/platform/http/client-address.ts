import type { Context } from 'hono';

/** The client's address as seen by the socket (node-server), or 'local' for in-process requests. */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}
