// The HAL documents of Messaging v1 and Solicitations v1 (reference/sp-api.md §4.1/§4.3; models
// messaging.json, solicitations.json): `_links.actions[]` and `_embedded.actions[]` with a `self`
// and a `schema` link per action, and the GetSchemaResponse that a `schema` link returns. Pure.

export type HalLink = { href: string; name?: string };

export type HalActionsDocument = {
  _links: { self: HalLink; actions: HalLink[] };
  _embedded: {
    actions: { _links: { self: HalLink; schema: HalLink }; payload: { name: string } }[];
  };
};

export type HalSchemaDocument = { _links: { self: HalLink }; payload: Record<string, unknown> };

const q = (marketplaceId: string) => `?marketplaceIds=${encodeURIComponent(marketplaceId)}`;

/**
 * `api`: `/messaging/v1` or `/solicitations/v1`; `segment`: `messages` or `solicitations`.
 * Hrefs are relative, as Amazon's are.
 */
export function actionsDocument(o: {
  api: string;
  segment: string;
  amazonOrderId: string;
  marketplaceId: string;
  names: readonly string[];
}): HalActionsDocument {
  const order = `${o.api}/orders/${encodeURIComponent(o.amazonOrderId)}`;
  const action = (name: string): HalLink => ({
    href: `${order}/${o.segment}/${name}${q(o.marketplaceId)}`,
    name,
  });
  return {
    _links: { self: { href: `${order}${q(o.marketplaceId)}` }, actions: o.names.map(action) },
    _embedded: {
      actions: o.names.map((name) => ({
        _links: { self: action(name), schema: { href: `${order}/${o.segment}/${name}/schema`, name } },
        payload: { name },
      })),
    },
  };
}

export function schemaDocument(selfHref: string, schema: Record<string, unknown>): HalSchemaDocument {
  return { _links: { self: { href: selfHref } }, payload: schema };
}

/**
 * `marketplaceIds` of Messaging, Solicitations and Uploads: required, at most one (the models'
 * `maxItems: 1`). Values arrive comma-joined or repeated.
 */
export function singleMarketplaceId(
  values: readonly string[] | undefined,
): { ok: true; marketplaceId: string } | { ok: false; message: string } {
  const ids = (values ?? [])
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) return { ok: false, message: 'marketplaceIds is required.' };
  if (ids.length > 1) return { ok: false, message: 'marketplaceIds takes exactly one marketplace.' };
  return { ok: true, marketplaceId: ids[0] as string };
}
