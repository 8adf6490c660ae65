// Summing a CDP CPU profile (Profiler.stop's `profile`) by function: self
// time and inclusive time, for profile.mjs and bench-big.mjs's PROFILE.
// Function names show only in a build that keeps them (docs/performance.md,
// "Profiling").

/** Adds `profile`'s samples to `sums` ({ total, self, incl }, ms); with
 * `wasmOnly`, only the samples with the app's WebAssembly on the stack. */
export function addProfile(sums, profile, { wasmOnly = false } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'program'})`;
  for (let k = 0; k < profile.samples.length; k++) {
    const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    const stack = [];
    for (let id = profile.samples[k]; id !== undefined; id = parent.get(id)) stack.push(nodes.get(id));
    if (wasmOnly && !stack.some((n) => n.callFrame.url.endsWith('.wasm'))) continue;
    sums.total += dt;
    sums.self.set(name(stack[0]), (sums.self.get(name(stack[0])) ?? 0) + dt);
    for (const fn of new Set(stack.map(name))) sums.incl.set(fn, (sums.incl.get(fn) ?? 0) + dt);
  }
  return sums;
}

export const emptySums = () => ({ total: 0, self: new Map(), incl: new Map() });

/** Prints the top functions of `sums`, divided by `runs`; ONLY=text in the
 * environment keeps the inclusive rows whose name holds it. */
export function printSums(sums, runs = 1, { selfRows = 30, inclRows = 40 } = {}) {
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  const row = ([fn, ms]) => console.log(`${(ms / runs).toFixed(2).padStart(8)} ms  ${fn.slice(0, 120)}`);
  console.log('self:');
  top(sums.self, selfRows).forEach(row);
  console.log('inclusive:');
  const only = process.env.ONLY;
  top(only ? new Map([...sums.incl].filter(([f]) => f.includes(only))) : sums.incl, inclRows).forEach(row);
}
