// Where a page's main thread spends a stretch of time, from a Chromium trace
// (CDP `Tracing`): each trace event's self time (its duration less that of the
// events nested in it), summed by name — script (FunctionCall, EventDispatch,
// v8.*), style (UpdateLayoutTree), Layout, Paint, and so on — for
// bench-corrections.mjs's TRACE.

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink',
].join(',');

/** Starts tracing on `cdp` (a page's CDP session); resolves to a function
 * that ends it and resolves to the trace's events. */
export async function startTrace(cdp) {
  const events = [];
  const collect = (p) => events.push(...p.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/**
 * Adds to `sums` (name → ms) the self time of the renderer main thread's
 * events from the start of the last `keydown` dispatch in `events` for `ms`
 * milliseconds; resolves to the time covered by events at all.
 */
export function addTrace(sums, events, ms) {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return 0;
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E'));
  // B/E pairs as complete events.
  const spans = [];
  const open = [];
  for (const e of own.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') spans.push({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0), args: e.args });
    else if (e.ph === 'B') open.push({ name: e.name, ts: e.ts, args: e.args });
    else {
      const b = open.pop();
      if (b) spans.push({ ...b, end: e.ts });
    }
  }
  const keydowns = spans.filter((s) => s.name === 'EventDispatch' && s.args?.data?.type === 'keydown');
  if (keydowns.length === 0) return 0;
  const from = keydowns[keydowns.length - 1].ts;
  const to = from + ms * 1000;
  // Outermost first; a stack of the spans that enclose the current one.
  const inside = spans.filter((s) => s.end > from && s.ts < to).sort((a, b) => a.ts - b.ts || b.end - a.end);
  const clip = (s) => Math.max(0, Math.min(s.end, to) - Math.max(s.ts, from));
  const stack = [];
  let covered = 0;
  for (const s of inside) {
    while (stack.length && stack[stack.length - 1].end <= s.ts) stack.pop();
    const d = clip(s);
    const parent = stack[stack.length - 1];
    if (parent) sums.set(parent.name, (sums.get(parent.name) ?? 0) - d / 1000);
    else covered += d;
    sums.set(s.name, (sums.get(s.name) ?? 0) + d / 1000);
    stack.push(s);
  }
  return covered / 1000;
}

/** Prints the names with the most self time in `sums`, divided by `runs`. */
export function printTrace(sums, runs, rows = 25) {
  const top = [...sums].filter(([, ms]) => ms > 0.05 * runs).sort((a, b) => b[1] - a[1]).slice(0, rows);
  for (const [name, ms] of top) console.log(`${(ms / runs).toFixed(2).padStart(8)} ms  ${name}`);
}
