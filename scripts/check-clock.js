#!/usr/bin/env node
// Fails if business code reads the wall clock directly: DESIGN says "Clock injected everywhere;
// no Date.now() in modules". Flags `Date.now(`, `new Date()` with empty parens and bare `Date()`
// in src/modules and src/sp-api (tests excluded). `new Date(x)` with an argument is allowed.
// Comments are ignored; usage: node scripts/check-clock.js [dir ...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['src/modules', 'src/sp-api'];
const sourceFile = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const testFile = /\.test\.[cm]?[jt]sx?$/;
const patterns = [
  { re: /\bDate\s*\.\s*now\s*\(/g, what: 'Date.now()' },
  { re: /\bnew\s+Date\s*\(\s*\)/g, what: 'new Date()' },
  { re: /(?<![\w$.]|\bnew\s+)\bDate\s*\(\s*\)/g, what: 'Date()' },
];

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(path);
    } else if (sourceFile.test(entry.name) && !testFile.test(entry.name)) {
      yield path;
    }
  }
}

// Blanks out comments (keeping newlines so line numbers stay right); strings are left alone.
function stripComments(text) {
  let out = '';
  let i = 0;
  let quote = null;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (quote) {
      out += ch;
      if (ch === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (ch === quote) quote = null;
      i++;
    } else if (ch === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      if (ch === '"' || ch === "'" || ch === '`') quote = ch;
      out += ch;
      i++;
    }
  }
  return out;
}

const findings = [];
let scanned = 0;
for (const dir of dirs) {
  const abs = resolve(root, dir);
  if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) continue;
  for (const file of walk(abs)) {
    scanned++;
    const lines = stripComments(readFileSync(file, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      for (const { re, what } of patterns) {
        re.lastIndex = 0;
        if (re.test(line))
          findings.push(
            `${relative(root, file)}:${index + 1}: ${what} — take the time from the injected Clock (or \`now\`)`,
          );
      }
    });
  }
}

if (findings.length > 0) {
  console.error(`check-clock: ${findings.length} direct wall-clock read(s) in business code:`);
  for (const finding of findings) console.error(`  ${finding}`);
  process.exit(1);
}
console.log(`check-clock: ok (${scanned} files in ${dirs.join(', ')})`);
