/**
 * `npm run profile [-- --letters N] [-- --reps R] [-- --top K]`: where one
 * worker's time goes. Builds a synthetic corpus (as the benchmark does),
 * runs the worker's batch function in this thread over it (reading, hashing,
 * extracting, rendering; no cache), and prints the CPU time per letter of
 * each repetition, then a sampling profile (node:inspector) of the last one:
 * the functions with the most self time, and the pipeline's stages with
 * their inclusive time.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus } from './synthetic.js';

const { values } = parseArgs({ options: { letters: { type: 'string', default: '4000' }, reps: { type: 'string', default: '3' }, top: { type: 'string', default: '30' } } });
const n = Number(values.letters);
// The built code, as the workers run it (tsx's on-the-fly transform would distort the profile).
const { runBatch } = (await import(new URL('../dist/run/worker.js', import.meta.url).href)) as typeof import('../src/run/worker.js');
const work = mkdtempSync(join(tmpdir(), 'imr-profile-'));
buildCorpus(work, n);
const files = readdirSync(work)
  .sort()
  .flatMap((sub) => readdirSync(join(work, sub)).map((f) => ({ path: join(work, sub, f), sourceFile: `${sub}/${f}` })));

async function pass(): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < files.length; i += 200) await runBatch({ files: files.slice(i, i + 200), rawCsv: false, cache: null, keepText: null, maxBytes: 20_000_000, redact: false });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / files.length;
}

await pass(); // warm-up: lexicons, JIT
const reps = Number(values.reps);
for (let r = 1; r < reps; r++) console.log(`pass ${r}: ${(await pass()).toFixed(3)} ms CPU per letter`);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
console.log(`pass ${reps} (profiled): ${(await pass()).toFixed(3)} ms CPU per letter`);
const { profile } = (await session.post('Profiler.stop')) as { profile: Profiler.Profile };
session.disconnect();
rmSync(work, { recursive: true, force: true });

// Self and inclusive time per function (a function counted once per sample however deep its recursion).
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const label = (node: Profiler.ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(dist|node_modules)\//, (_, d: string) => (d === 'dist' ? 'src/' : 'node_modules/')).replace(/\.js$/, '')}:${node.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples!.forEach((id, i) => {
  const dt = profile.timeDeltas![i] ?? 0;
  total += dt;
  const node = nodes.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const l = label(nodes.get(at)!);
    if (!seen.has(l)) inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
    seen.add(l);
  }
});
const top = (m: Map<string, number>, k: number, keep: (l: string) => boolean = () => true) =>
  [...m].filter(([l]) => keep(l)).sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, t]) => `${((100 * t) / total).toFixed(1).padStart(6)}%  ${l}`).join('\n');
const k = Number(values.top);
console.log(`\nself time, top ${k}\n${top(self, k)}`);
console.log(`\ninclusive time of the project's functions, top ${k}\n${top(inclusive, k, (l) => l.includes(' src/'))}`);
