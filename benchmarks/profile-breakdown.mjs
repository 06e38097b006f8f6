#!/usr/bin/env node
// Self time per function of the V8 CPU profiles OverlayBenchmarkTest records when VIGIE_BENCH_PROFILE=<folder> is set
// (loads with the extension only), averaged per load: which of Vigie's functions the page's main thread spends on.
// Usage: node benchmarks/profile-breakdown.mjs <folder> [top]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, top = '30'] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node benchmarks/profile-breakdown.mjs <folder> [top]');
  process.exit(2);
}
const files = readdirSync(folder).filter((f) => f.endsWith('.cpuprofile'));
/** @type {Map<string, number>} */
const self = new Map();
/** @type {Map<string, number>} */
const byFile = new Map();
for (const file of files) {
  const profile = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? url.replace(/^.*\/src\//, '') : '(native)';
    const key = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    byFile.set(where, (byFile.get(where) ?? 0) + ms);
  });
}
const per = (ms) => (ms / files.length).toFixed(1).padStart(8);
console.log(`${files.length} loads; ms of self time per load`);
console.log('--- by script');
for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(per(v), k);
console.log('--- by function');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(per(v), k);
