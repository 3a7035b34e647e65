// Policy engine throughput (MSG-6..11, issue 5): checkMessage calls per second on one core for
// typical 300–1,500-character messages (ja / it / en, compliant and blocked), median of 5 runs,
// with two baselines measured in the same run: linkify-it alone (test + match) and a bare
// NFKC + one regex pass. Usage: npx tsx bench/message-policy.ts [--runs 5] [--seconds 2]
import { LinkifyIt } from 'linkify-it';
import tlds from 'tlds';
import { checkMessage } from '../src/modules/messaging/policy/message-policy.ts';
import type { CorpusMessage } from '../test/corpus/corpus.ts';
import { enCorpus } from '../test/corpus/messages.en.ts';
import { itCorpus } from '../test/corpus/messages.it.ts';
import { jaCorpus } from '../test/corpus/messages.ja.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt('runs', 5);
const SECONDS = opt('seconds', 2);

// Messages of 300–1,500 characters: corpus messages joined with compliant neighbours of the same
// language until long enough (so a blocked message stays blocked and a compliant one compliant).
function sized(corpus: CorpusMessage[]): CorpusMessage[] {
  const fine = corpus.filter((m) => m.rules.length === 0 && m.text.length < 400);
  const out: CorpusMessage[] = [];
  corpus.forEach((m, i) => {
    if (m.rules.includes('too_long') || m.rules.includes('empty')) return;
    const target = 300 + ((i * 397) % 1200);
    let text = m.text;
    for (let k = 0; text.length < target; k++) text += `\n${fine[(i + k) % fine.length]?.text ?? ''}`;
    out.push({ ...m, text: text.slice(0, 1500) });
  });
  return out;
}
const messages = [...sized(jaCorpus), ...sized(itCorpus), ...sized(enCorpus)];
const chars = messages.reduce((n, m) => n + m.text.length, 0);
const linkify = new LinkifyIt().set({ fuzzyLink: true, fuzzyIP: false, fuzzyEmail: true }).tlds(tlds);
const bare = /https?:\/\/|www\.|@|\d{2,4}-\d{2,4}-\d{3,4}|<[a-z]/gi;

function measure(fn: (m: CorpusMessage) => unknown): number {
  let n = 0;
  let sink = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) {
      if (fn(messages[(n + i) % messages.length] as CorpusMessage)) sink++;
    }
    n += 100;
  }
  if (sink < 0) console.log(sink);
  return n / SECONDS;
}

const variants: [string, (m: CorpusMessage) => unknown][] = [
  ['checkMessage (full policy)', (m) => checkMessage(m.text, m.context).allowed],
  ['baseline: linkify-it test + match', (m) => linkify.test(m.text) && linkify.match(m.text)],
  ['baseline: NFKC + one regex pass', (m) => m.text.normalize('NFKC').match(bare)],
];
for (const [, fn] of variants) measure(fn); // warm-up (JIT, caches)

const results = new Map<string, number[]>(variants.map(([name]) => [name, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, fn] of variants) {
    const perSecond = measure(fn);
    results.get(name)?.push(perSecond);
    process.stderr.write(`run ${r + 1}/${RUNS} ${name}: ${Math.round(perSecond)}/s\n`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const blocked = messages.filter((m) => m.rules.length > 0).length;
console.log(
  `\n${messages.length} messages (${blocked} blocked), ${Math.round(chars / messages.length)} chars on average (300–1,500), ja/it/en; one core; median of ${RUNS} runs of ${SECONDS} s; load average ${(await import('node:os')).loadavg()[0]?.toFixed(2)}\n`,
);
console.log('| variant | checks/s (median) | min–max |');
console.log('|---|---:|---:|');
for (const [name, xs] of results) {
  console.log(
    `| ${name} | ${Math.round(median(xs)).toLocaleString('en')} | ${Math.round(Math.min(...xs)).toLocaleString('en')}–${Math.round(Math.max(...xs)).toLocaleString('en')} |`,
  );
}
