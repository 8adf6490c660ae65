import { readFileSync } from 'node:fs';
const fcp = Number(process.argv[2]);
const t = JSON.parse(readFileSync('/tmp/scratch/trace.json', 'utf8'));
const ev = t.traceEvents ?? t;
const base = ev.find((e) => e.name === 'firstContentfulPaint')?.ts - fcp * 1000;
const tid = ev.find((e) => e.name === 'ParseHTML')?.tid;
for (const e of ev.filter((e) => e.tid === tid && (e.ph === 'X' || e.ph === 'I' || e.ph === 'R' || e.ph==='b') && (e.dur ?? 0) >= 2000).sort((a, b) => a.ts - b.ts)) {
  const at = (e.ts - base) / 1000;
  if (at > -50 && at < 340) console.log(at.toFixed(0), ((e.dur ?? 0) / 1000).toFixed(1), e.name, JSON.stringify(e.args?.data?.url ?? e.args?.data?.type ?? '').slice(-40));
}
