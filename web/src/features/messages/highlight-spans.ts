// Splits a message into plain and flagged pieces for the composer's highlight layer: each
// violation's [start, end) span (UTF-16 offsets, as the policy engine reports them) becomes a
// <mark>; overlapping spans merge their rules; whole-text rules (0/0) mark nothing.
import type { PolicyViolation } from './messages-types';

export type Segment = { text: string; rules: string[] };

export function highlightSegments(text: string, violations: readonly PolicyViolation[]): Segment[] {
  const spans = violations
    .map((v) => ({ rule: v.rule, start: Math.max(0, v.start), end: Math.min(text.length, v.end) }))
    .filter((v) => v.end > v.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const rules = [...new Set(spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.rule))];
    const last = segments.at(-1);
    // Neighbours with the same rules are one piece (fewer <mark>s to read).
    if (last && last.rules.join() === rules.join()) last.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), rules });
  }
  return segments;
}
