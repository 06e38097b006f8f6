#!/usr/bin/env node
// Where the page's main-thread time goes, from the Chrome traces OverlayBenchmarkTest records when
// VIGIE_BENCH_TRACE=<folder> is set: self time per trace event on the page's renderer main thread, summed per load,
// averaged over the rounds, with and without the extension side by side, grouped (script, style, layout, paint,
// layerize, GC …). Usage: node benchmarks/trace-breakdown.mjs <folder> [page-name] [--events]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, pageName = 'growing-timeline-x', flag] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node benchmarks/trace-breakdown.mjs <folder> [page-name] [--events]');
  process.exit(2);
}

// Trace event names → the groups DevTools' Performance panel uses (its "Summary" tab), finer where it matters here.
const GROUPS = [
  ['gc', /GC|Scavenge|MarkCompact|MinorMS|BlinkGC|V8\.GC/],
  ['script', /^(FunctionCall|EvaluateScript|v8\.|V8\.|TimerFire|TimerInstall|TimerRemove|FireAnimationFrame|RequestAnimationFrame|EventDispatch|RunMicrotasks|XHR|FireIdleCallback|MutationObserver|ProfileChunk|CpuProfiler|ScheduleStyleRecalculation|InvalidateLayout|FunctionCall)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|StyleRecalc|ScheduleStyleInvalidationTracking|StyleInvalidatorInvalidationTracking)/],
  ['layout', /^(Layout|UpdateLayout|IntersectionObserverController|ComputeIntersections|LayoutShift)/],
  ['prepaint', /^(PrePaint|UpdateLayer|Layout\.PrePaint)/],
  ['paint', /^(Paint|PaintImage|RasterTask|Decode|PaintSetup|UpdateLayerTree)/],
  ['layerize', /^(Layerize|Commit|CompositeLayers|SetLayerTreeId|UpdateLayerTree)/],
  ['parse', /^(ParseHTML|ParseHTMLFragment)/],
  ['hit-test', /^HitTest/],
];

/** @param {string} name */
function groupOf(name) {
  for (const [group, pattern] of GROUPS) if (pattern.test(name)) return group;
  return `other`;
}

/** Self time (ms) per event name on the busiest CrRendererMain thread of one trace. */
function selfTimes(file) {
  const events = JSON.parse(readFileSync(file, 'utf8'));
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  /** @type {Map<string, any[]>} */
  const byThread = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) !== 'CrRendererMain') continue;
    if (e.ph !== 'X' && e.ph !== 'B' && e.ph !== 'E') continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  let best = null;
  let bestTotal = -1;
  for (const [key, list] of byThread) {
    const total = list.filter((e) => e.name === 'RunTask' && e.ph === 'X').reduce((s, e) => s + (e.dur ?? 0), 0);
    if (total > bestTotal) { best = key; bestTotal = total; }
  }
  const list = byThread.get(best) ?? [];
  // B/E pairs become complete events.
  const complete = [];
  const open = [];
  for (const e of list.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') complete.push({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0) });
    else if (e.ph === 'B') open.push(e);
    else {
      for (let i = open.length - 1; i >= 0; i -= 1) {
        if (open[i].name === e.name) {
          complete.push({ name: e.name, ts: open[i].ts, end: e.ts });
          open.splice(i, 1);
          break;
        }
      }
    }
  }
  // Sort by start, longer first; a stack gives each event's parent; self = dur - children.
  complete.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const stack = [];
  for (const ev of complete) {
    while (stack.length && stack[stack.length - 1].end <= ev.ts) stack.pop();
    const dur = ev.end - ev.ts;
    self.set(ev.name, (self.get(ev.name) ?? 0) + dur);
    const parent = stack[stack.length - 1];
    if (parent && ev.end <= parent.end) self.set(parent.name, self.get(parent.name) - dur);
    stack.push(ev);
  }
  const ms = new Map();
  for (const [name, us] of self) ms.set(name, us / 1000);
  // A full layerization (the compositor's layer list rebuilt) takes milliseconds; an unchanged frame's, microseconds.
  const fullLayerize = complete.filter((e) => e.name === 'Layerize' && e.end - e.ts > 5000).length;
  return { self: ms, runTask: bestTotal / 1000, fullLayerize };
}

function average(files) {
  const sum = new Map();
  let runTask = 0;
  let fullLayerize = 0;
  for (const file of files) {
    const one = selfTimes(file);
    runTask += one.runTask;
    fullLayerize += one.fullLayerize;
    for (const [name, value] of one.self) sum.set(name, (sum.get(name) ?? 0) + value);
  }
  for (const [name, value] of sum) sum.set(name, value / files.length);
  return { self: sum, runTask: runTask / files.length, fullLayerize: fullLayerize / files.length };
}

const files = readdirSync(folder).filter((f) => f.startsWith(`${pageName}-`) && f.endsWith('.json'));
const side = (s) => files.filter((f) => f.startsWith(`${pageName}-${s}-`)).map((f) => join(folder, f));
const without = average(side('without'));
const withExt = average(side('with'));

const groups = (self) => {
  const out = new Map();
  for (const [name, value] of self) out.set(groupOf(name), (out.get(groupOf(name)) ?? 0) + value);
  return out;
};
const gw = groups(without.self);
const gx = groups(withExt.self);
const fmt = (v) => v.toFixed(0).padStart(7);
console.log(`${pageName}: ${side('without').length} loads without, ${side('with').length} with (ms of main-thread self time per load)`);
console.log(`${'RunTask total'.padEnd(28)}${fmt(without.runTask)}${fmt(withExt.runTask)}${fmt(withExt.runTask - without.runTask)}`);
console.log(`${'Layerize passes > 5 ms'.padEnd(28)}${fmt(without.fullLayerize)}${fmt(withExt.fullLayerize)}${fmt(withExt.fullLayerize - without.fullLayerize)}`);
const keys = [...new Set([...gw.keys(), ...gx.keys()])].sort((a, b) => ((gx.get(b) ?? 0) - (gw.get(b) ?? 0)) - ((gx.get(a) ?? 0) - (gw.get(a) ?? 0)));
console.log(`${'group'.padEnd(28)}${'without'.padStart(7)}${'with'.padStart(7)}${'extra'.padStart(7)}`);
for (const k of keys) console.log(`${k.padEnd(28)}${fmt(gw.get(k) ?? 0)}${fmt(gx.get(k) ?? 0)}${fmt((gx.get(k) ?? 0) - (gw.get(k) ?? 0))}`);
if (flag === '--events') {
  console.log('\nevents with the largest extra self time:');
  const names = [...new Set([...without.self.keys(), ...withExt.self.keys()])]
    .map((n) => [n, (withExt.self.get(n) ?? 0) - (without.self.get(n) ?? 0)])
    .sort((a, b) => b[1] - a[1]).slice(0, 30);
  for (const [n, d] of names) {
    console.log(`${n.slice(0, 40).padEnd(42)}${fmt(without.self.get(n) ?? 0)}${fmt(withExt.self.get(n) ?? 0)}${fmt(d)}  [${groupOf(n)}]`);
  }
}
