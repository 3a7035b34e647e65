// Query-string conventions of SP-API clients (reference/sp-api.md §1.4): arrays arrive as one
// comma-joined value (after URL decoding), keys in any order.

/** "A,B" → ["A","B"]; repeated keys are also accepted. Empty → undefined. */
export function csv(values: string[] | undefined): string[] | undefined {
  if (!values?.length) return undefined;
  const out = values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return out.length ? out : undefined;
}
