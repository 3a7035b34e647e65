// Amazon's static sandbox, reproduced (reference/sp-api.md §2.6): in sandbox mode a request whose
// parameters are exactly those of one of the model's `x-amzn-api-sandbox.static` examples gets
// that example's status and body, so test suites written against Amazon's sandbox pass unchanged.
// Any other request is served by the real, stateful implementation, except one carrying a
// TEST_CASE_ value that matches no example: Amazon's sandbox refuses those, and so do we. Pure.
import { isDeepStrictEqual } from 'node:util';
import { SP_API_SANDBOX_FIXTURES, type SandboxFixture } from './sp-api-sandbox-fixtures.ts';

export type SandboxRequest = {
  path: Record<string, string>;
  /** Raw query values (several values of one key already joined with commas). */
  query: Record<string, string>;
  body?: unknown;
};

export const UNMATCHED_SANDBOX_ANSWER = {
  status: 400,
  body: { errors: [{ code: 'InvalidInput', message: 'Could not match input arguments' }] },
} as const;

const splitCsv = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function matches(f: SandboxFixture, req: SandboxRequest): boolean {
  for (const [name, expected] of Object.entries(f.parameters)) {
    if (name === 'body') {
      if (!isDeepStrictEqual(req.body, expected)) return false;
    } else if (name in req.path) {
      if (req.path[name] !== String(expected)) return false;
    } else {
      const got = req.query[name];
      if (got === undefined) return false;
      if (
        Array.isArray(expected)
          ? !isDeepStrictEqual(splitCsv(got), expected.map(String))
          : got !== String(expected)
      )
        return false;
    }
  }
  // Exact: no query parameter or body the example does not name (path parameters it does not
  // name, such as the order id of the updateShipmentStatus example, match any value).
  if (Object.keys(req.query).some((k) => !(k in f.parameters))) return false;
  if (req.body !== undefined && !('body' in f.parameters)) return false;
  return true;
}

/** The static answer for this request, or null when the real operation should answer. */
export function sandboxAnswer(
  operation: string,
  req: SandboxRequest,
  fixtures: readonly SandboxFixture[] = SP_API_SANDBOX_FIXTURES,
): { status: number; body: unknown } | null {
  const hit = fixtures.find((f) => f.operation === operation && matches(f, req));
  if (hit) return { status: hit.status, body: hit.status === 204 ? null : hit.response };
  const values = [...Object.values(req.path), ...Object.values(req.query)];
  if (values.some((v) => v.includes('TEST_CASE_'))) return UNMATCHED_SANDBOX_ANSWER;
  return null;
}
