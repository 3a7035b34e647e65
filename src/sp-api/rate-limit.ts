// SP-API usage plans: a token bucket per selling partner, application and operation, with
// Amazon's default rate (requests per second) and burst. Every response carries the rate in
// x-amzn-RateLimit-Limit, which amazon-sp-api and @sp-api-sdk use to pace their retries.

export type UsagePlan = { rate: number; burst: number };

/** Amazon's published defaults (reference/sp-api.md §2.1, §2.7). */
export const DEFAULT_USAGE_PLANS: Readonly<Record<string, UsagePlan>> = {
  getOrders: { rate: 0.0167, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  getOrderBuyerInfo: { rate: 0.5, burst: 30 },
  getOrderAddress: { rate: 0.5, burst: 30 },
  getOrderItems: { rate: 0.5, burst: 30 },
  getOrderItemsBuyerInfo: { rate: 0.5, burst: 30 },
  updateShipmentStatus: { rate: 5, burst: 15 },
  confirmShipment: { rate: 2, burst: 10 },
  searchOrders: { rate: 0.0056, burst: 20 },
  getOrder20260101: { rate: 0.5, burst: 30 },
  // Messaging v1 and Solicitations v1 operations are rate 1 / burst 5: the default below.
  createUploadDestinationForResource: { rate: 10, burst: 10 },
};

export type Bucket = { tokens: number; updatedMs: number };

/** Pure token-bucket step: refill by elapsed time, then try to take one token. */
export function take(
  bucket: Bucket | undefined,
  plan: UsagePlan,
  nowMs: number,
): { allowed: boolean; bucket: Bucket } {
  const start = bucket ?? { tokens: plan.burst, updatedMs: nowMs };
  const refilled = Math.min(plan.burst, start.tokens + ((nowMs - start.updatedMs) / 1000) * plan.rate);
  if (refilled >= 1) return { allowed: true, bucket: { tokens: refilled - 1, updatedMs: nowMs } };
  return { allowed: false, bucket: { tokens: refilled, updatedMs: nowMs } };
}

/** Parses SPAPI_RATE_LIMITS: "default", "off", or JSON overrides per operation. */
export function parseRateLimitSetting(setting: string): {
  enabled: boolean;
  plans: Record<string, UsagePlan>;
} {
  const s = setting.trim();
  if (s === 'off' || s === 'false' || s === '0') return { enabled: false, plans: { ...DEFAULT_USAGE_PLANS } };
  if (s === '' || s === 'default') return { enabled: true, plans: { ...DEFAULT_USAGE_PLANS } };
  const overrides = JSON.parse(s) as Record<string, UsagePlan>;
  for (const [op, p] of Object.entries(overrides)) {
    if (!(p.rate > 0) || !(p.burst >= 1))
      throw new Error(`SPAPI_RATE_LIMITS: ${op} needs rate > 0 and burst >= 1`);
  }
  return { enabled: true, plans: { ...DEFAULT_USAGE_PLANS, ...overrides } };
}

/** In-memory limiter of one API process. (Several API processes each allow the full rate.) */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    readonly enabled: boolean,
    private readonly plans: Record<string, UsagePlan>,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  plan(operation: string): UsagePlan {
    return this.plans[operation] ?? { rate: 1, burst: 5 };
  }

  /** True when the call may proceed. */
  hit(key: string, operation: string): boolean {
    if (!this.enabled) return true;
    const k = `${key}|${operation}`;
    const r = take(this.buckets.get(k), this.plan(operation), this.nowMs());
    this.buckets.set(k, r.bucket);
    if (this.buckets.size > 100_000) this.buckets.clear(); // bound memory; buckets refill anyway
    return r.allowed;
  }
}
