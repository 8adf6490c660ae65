// Throughput of compromise (npm `compromise`, the browser NLP library) on the
// texts our engine and spaCy are benchmarked on (see bench_peers.py):
//
//   seed: seeds/000_98b7338e0901f976.txt, one call;
//   1mb:  the evaluation texts (dev then test, sorted by name, joined by a
//         blank line) repeated to >= 1,000,000 bytes, fed paragraph by
//         paragraph (split at blank lines), exactly as bench_peers.py builds it.
//
// One run = `nlp(text)` and then `.people()`, `.places()` and
// `.organizations()` turned into arrays of strings: what an entity
// highlighter would call. Figures are medians over several runs after one
// warm-up run. MB = 10^6 bytes of UTF-8 input.
//
// Usage (after ./setup.sh): node bench_compromise.mjs [runsSeed=21] [runs1mb=3]

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';

const here = dirname(fileURLToPath(import.meta.url));
const seedPath = join(here, '..', 'seeds', '000_98b7338e0901f976.txt');
const TARGET_BYTES = 1_000_000;

function corpus1mb() {
  const texts = [];
  for (const split of ['dev', 'test']) {
    // Sort by code unit like Python's sorted() on ASCII file names.
    const names = readdirSync(join(here, split)).filter((n) => n.endsWith('.json')).sort();
    for (const n of names) {
      texts.push(JSON.parse(readFileSync(join(here, split, n), 'utf8')).text.trim());
    }
  }
  const base = texts.join('\n\n');
  const parts = [];
  let size = 0;
  while (size < TARGET_BYTES) {
    parts.push(base);
    size += Buffer.byteLength(base, 'utf8') + 2;
  }
  return parts.join('\n\n') + '\n';
}

function entities(text) {
  const doc = nlp(text);
  return [
    doc.people().out('array'),
    doc.places().out('array'),
    doc.organizations().out('array'),
  ];
}

function medianSeconds(fn, runs) {
  fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

const runsSeed = Number(process.argv[2] ?? 21);
const runs1mb = Number(process.argv[3] ?? 3);
const seed = readFileSync(seedPath, 'utf8');
const big = corpus1mb();
const paras = big.split('\n\n').filter((p) => p.trim());
const version = JSON.parse(readFileSync(join(here, 'node_modules', 'compromise', 'package.json'), 'utf8')).version;

const [people, places, orgs] = entities(seed);
console.log(`compromise ${version}, Node ${process.version}`);
console.log(`seed: ${Buffer.byteLength(seed, 'utf8')} bytes; 1mb: ${Buffer.byteLength(big, 'utf8')} bytes (${paras.length} paragraphs)`);
console.log(`on the seed: ${people.length} people, ${places.length} places, ${orgs.length} organizations`);
console.log(`${'system'.padEnd(24)} ${'text'.padEnd(5)} ${'median s'.padStart(10)} ${'MB/s'.padStart(8)} ${'runs'.padStart(5)}`);
for (const [label, runs, fn, text] of [
  ['seed', runsSeed, () => entities(seed), seed],
  ['1mb', runs1mb, () => paras.map(entities), big],
]) {
  const secs = medianSeconds(fn, runs);
  const mbps = Buffer.byteLength(text, 'utf8') / secs / 1e6;
  console.log(`${'compromise'.padEnd(24)} ${label.padEnd(5)} ${secs.toFixed(4).padStart(10)} ${mbps.toFixed(3).padStart(8)} ${String(runs).padStart(5)}`);
}
