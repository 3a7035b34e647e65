// What SP-API client-library tests share (reference/sp-api.md §7): Mercato on a real port that
// records every request it answers, the https.Agent that sends amazon-sp-api's requests there,
// and an @sp-api-sdk auth whose token getter calls our /auth/o2/token.
import https from 'node:https';
import net from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { SellingPartnerApiAuth } from '@sp-api-sdk/auth';
import { SellingPartner } from 'amazon-sp-api';
import type { TestSeller } from './fixtures.ts';
import type { TestApp } from './test-app.ts';

export type Seen = { method: string; host: string; path: string; query: string; status: number };

/** Mercato on a real port; records every request it answers. */
export async function listen(t: TestApp) {
  const seen: Seen[] = [];
  const fetch = async (req: Request, env: unknown) => {
    const res = await t.app.fetch(req, env);
    const url = new URL(req.url);
    seen.push({
      method: req.method,
      host: req.headers.get('host') ?? '',
      path: url.pathname,
      query: url.search,
      status: res.status,
    });
    return res;
  };
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: s, port: info.port }),
    );
  });
  return {
    server,
    port,
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type Listening = Awaited<ReturnType<typeof listen>>;

/** Every https request of amazon-sp-api (SP-API hosts and api.amazon.com) goes to the local port. */
export function localAgent(port: number) {
  class LocalAgent extends https.Agent {
    override createConnection(): net.Socket {
      return net.connect({ host: '127.0.0.1', port });
    }
  }
  return new LocalAgent();
}

export function amazonSpApi(srv: Listening, s: TestSeller, options: { use_sandbox?: boolean } = {}) {
  return new SellingPartner({
    region: 'fe', // JP
    refresh_token: s.refreshToken,
    credentials: {
      SELLING_PARTNER_APP_CLIENT_ID: s.clientId,
      SELLING_PARTNER_APP_CLIENT_SECRET: s.clientSecret,
    },
    options: { https_proxy_agent: localAgent(srv.port), ...options },
  });
}

type AuthParams = ConstructorParameters<typeof SellingPartnerApiAuth>[0];

/** @sp-api-sdk/auth hard-codes the LWA URL, so the token getter calls ours. */
export function localAuth(base: string, s: TestSeller) {
  class LocalAuth extends SellingPartnerApiAuth {
    #token?: string;
    constructor(p: AuthParams) {
      super(p);
    }
    override async getAccessToken(): Promise<string> {
      if (this.#token) return this.#token;
      const r = await fetch(`${base}/auth/o2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: s.refreshToken,
          client_id: s.clientId,
          client_secret: s.clientSecret,
        }),
      });
      this.#token = ((await r.json()) as { access_token: string }).access_token;
      return this.#token;
    }
  }
  return new LocalAuth({ clientId: s.clientId, clientSecret: s.clientSecret, refreshToken: s.refreshToken });
}
