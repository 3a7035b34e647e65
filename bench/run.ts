// Runs every benchmark in turn (each prints its table to stdout and writes bench/results/*.json).
//   npx tsx bench/run.ts            (about 45 minutes on the 2-core reference machine, plus
//                                   ~20 minutes the first time to seed the 1M-order template)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib.ts';

// Issue 2's three, then issue 3's (the 1M-order ones seed a cached template first: ~20 min once).
const benches = [
  'startup.ts',
  'create-orders.ts',
  'get-orders.ts',
  'sp-api-orders.ts',
  'manage-orders.ts',
  'auto-cancel.ts',
];
let failed = 0;
for (const b of benches) {
  process.stdout.write(`\n## ${b}\n\n`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench', b), ...process.argv.slice(2)],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
