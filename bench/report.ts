// The printed form of the results: one block per question the bench answers.
import type { BenchResults } from './main';
import type { FeedResult } from './phases/feed';
import type { Summary } from './stats';

const s = (x: Summary | null | undefined, unit = 'ms'): string => (x ? `median ${x.median} ${unit}, p95 ${x.p95} ${unit} (n=${x.n})` : 'n/a');

function feedLines(f: FeedResult): string[] {
  return [
    `    model time (Verdict.modelMs):      ${s(f.modelMs)}`,
    `    offscreen total (Verdict.ms):      ${s(f.verdictMs)}`,
    `    viewport entry -> badge done:      ${s(f.enterToBadgeMs)}   (negative: ready before visible)`,
    `    reader's wait (0 if ready ahead):  ${s(f.visibleWaitMs)}`,
    `    ${f.settled}/${f.images} badges settled (${f.failed} failed), ${f.readyBeforeVisible} ready before visible, ` +
      `${f.leftViewBeforeBadge} left the viewport before their badge, ${f.neverChecked} never checked, ${f.withdrawn ?? 0} withdrawn when they scrolled away${f.stoppedAtCap ? ', STOPPED AT CAP' : ''}`,
    `    throughput ${f.imagesPerSecond} images/s; page long tasks: ${f.longTasks.count} (max ${f.longTasks.maxMs} ms); ` +
      `animation frames over 50 ms: ${f.longFrames.count} (max ${f.longFrames.maxMs} ms), ${f.longFrames.withContentScript} with the content script in them (${f.longFrames.contentScriptMs} ms of its scripts); ` +
      `in those frames: scripts ${f.longFrames.scriptMs ?? 'n/a'} ms, rendering ${f.longFrames.renderMs ?? 'n/a'} ms (style and layout ${f.longFrames.styleLayoutMs ?? 'n/a'} ms)`,
  ];
}

export function printReport(r: BenchResults): void {
  const lines: string[] = [];
  const p = (l = ''): void => void lines.push(l);
  p(`DualSight bench — ${r.date}, ${r.machine.host}: ${r.machine.cpu}, ${r.machine.cores} cores, load ${r.machine.loadBefore.join('/')} -> ${r.machine.loadAfter?.join('/')}`);
  p(`${r.browser}, extension ${r.dist}, model ${r.model}${r.final ? '' : '  [NOT FINAL: stand-in model, timing only]'}${r.quick ? '  [--quick]' : ''}`);
  if (r.offscreen) p(`offscreen document: crossOriginIsolated=${r.offscreen.crossOriginIsolated}, hardwareConcurrency=${r.offscreen.hardwareConcurrency}`);
  for (const w of r.wasm) {
    p();
    p(`WASM, ${w.threads} thread${w.threads === 1 ? '' : 's'} (${w.variant})`);
    if (w.cold) p(`    model load: cold check ${s(w.cold.coldMs)}; next check ${s(w.cold.warmMs)}; start-up cost ${s(w.cold.startupMs)}`);
    if (w.feed) {
      p(`  ${w.feed.images}-image feed, one screen per reader step:`);
      for (const l of feedLines(w.feed)) p(l);
      if (w.feed.contentScript) {
        const c = w.feed.contentScript;
        p(`    content script on the page's main thread: ${c.mainThreadMs} ms in all, ${c.perImageMs} ms per checked image (CPU profile); whole page: script ${c.pageScriptMs} ms, tasks ${c.pageTaskMs} ms`);
      }
    }
    if (w.stages) p(`    offscreen stages (median ms): ${Object.entries(w.stages).map(([k, v]) => `${k} ${v?.median ?? 'n/a'}`).join(', ')}`);
    if (w.feed?.offscreenProfile) p(`    offscreen main thread, top self time: ${w.feed.offscreenProfile.slice(0, 8).map((f) => `${f.fn} ${f.ms} ms`).join('; ')}`);
  }
  if (r.webgpu) {
    p();
    const a = r.webgpu;
    p(`WebGPU: ${a.present ? `adapter ${[a.vendor, a.architecture, a.description].filter(Boolean).join(' ') || '(no info)'}${a.fallback ? ' (software fallback)' : ''}` : 'no adapter'}`);
    if (a.run) for (const l of feedLines(a.run)) p(l);
    if (a.skipped) p(`    skipped: ${a.skipped}`);
  }
  if (r.throughput) {
    for (const pace of ['human', 'full'] as const) {
      const f = r.throughput[pace];
      if (!f) continue;
      p();
      p(`Throughput, ${f.images}-image feed, ${pace === 'human' ? `reader's pace (one screen per ${r.throughput.screenMs} ms)` : 'full speed (one screen per frame)'}: scrolled in ${(f.scrollMs / 1000).toFixed(1)} s`);
      for (const l of feedLines(f)) p(l);
    }
    const c = r.throughput.control;
    if (c) {
      p();
      p(`Control: the same ${c.images}-image feed at a reader's pace with scanning off on the site (the page alone):`);
      p(`    page long tasks: ${c.longTasks.count} (max ${c.longTasks.maxMs} ms); animation frames over 50 ms: ${c.longFrames.count} (max ${c.longFrames.maxMs} ms; rendering ${c.longFrames.renderMs ?? 'n/a'} ms, style and layout ${c.longFrames.styleLayoutMs ?? 'n/a'} ms); ${c.settled} badges`);
    }
  }
  for (const f of r.firstBadge ?? []) {
    p();
    p(`First badge after an auto-scanned feed opens ${f.afterLaunchMs ? `${f.afterLaunchMs / 1000} s after a cold browser started` : 'as a cold browser starts'} (${f.repeats}x): median ${f.ms?.median ?? 'n/a'} ms (${f.samples.join(', ')} ms; the image found and badged "Checking…" after ${f.checkingSamples.join(', ')} ms)${f.errors.length ? `; ${f.errors.join('; ')}` : ''}`);
  }
  for (const m of r.contentMemory ?? []) {
    p();
    p(`Page JS heap (${m.scanning ? 'content script included' : 'control: scanning off, the page alone'}) over ${m.posts} feed posts, after forced GC: start ${m.startMB} MB, with every badge ${m.fullMB} MB, all posts removed ${m.afterRemovalMB} MB (${((m.ratio - 1) * 100).toFixed(1)}% over the start; target within 10%); badges left ${m.badgesLeft}; ${m.seconds} s`);
  }
  for (const b of r.bursts ?? []) {
    p();
    p(`Burst of ${b.images} images in view at once, cold browser: all settled in ${(b.settledMs / 1000).toFixed(1)} s, ${b.perImageMs} ms per image; first badge ${b.firstBadgeMs ?? 'n/a'} ms`);
    p(`    done ${b.done}, failed ${b.failed}, never settled ${b.unsettled}${b.errors.length ? `; errors: ${b.errors.join(' | ')}` : ''}`);
  }
  if (r.memory) {
    p();
    p(`Offscreen memory (after forced GC): ${r.memory.samples.map((m) => `${m.images} img: JS heap ${m.jsHeapMB} MB, extension process RSS ${m.rssMB ?? 'n/a'} MB`).join('\n    ')}`);
    const g = r.memory.growthAfterWarmup;
    if (g) p(`    growth from ${g.fromImages} to ${g.toImages} images: JS heap ${g.jsHeapMB} MB, RSS ${g.rssMB ?? 'n/a'} MB${r.memory.stoppedAtDeadline ? '  (STOPPED AT TIME BUDGET)' : ''}; ${r.memory.failed} checks failed`);
  }
  if (r.native) {
    p();
    for (const n of r.native.results) p(`onnxruntime-node (CPU EP), ${n.threads} thread(s): session.run ${s(n.runMs)}; decode+preprocess+run ${s(n.pathMs)}`);
    for (const x of r.native.ratio) {
      p(`    extension / native model time, ${x.threads} thread(s): ${x.extensionModelMs} / ${x.nativeRunMs} = ${x.ratio}x`);
      if (x.endToEndRatio !== undefined) p(`    reader's wait (viewport -> badge, median) / native model time, ${x.threads} thread(s): ${x.endToEndMs} / ${x.nativeRunMs} = ${x.endToEndRatio}x (target 1.5x)`);
    }
  }
  if (r.compare) {
    const c = r.compare;
    if (c.variants.length > 0) {
      p();
      p(`Offscreen prototypes, before/after on the same ${c.images} images (checked one at a time from the service worker), ${c.threads} threads:`);
      for (const v of c.variants) {
        p(`  ${v.name}: ${v.imagesPerSecond} images/s; Verdict.ms ${s(v.verdictMs)}; modelMs ${s(v.modelMs)}; ${v.failed} failed`);
        p(`    ${v.description}`);
        p(`    stages (median ms): ${Object.entries(v.stages).map(([k, x]) => `${k} ${x?.median ?? 'n/a'}`).join(', ')}`);
        const g = v.agreement;
        if (g) p(`    vs baseline on ${g.compared} images: |P(AI) difference| max ${g.maxProbabilityDiff}, mean ${g.meanProbabilityDiff}; ${g.verdictChanges} verdicts changed`);
      }
    }
    for (const v of c.feeds) {
      p();
      p(`Content-script variant ${v.name} (${v.description}), ${c.feedImages}-image feed:`);
      for (const f of [v.human, v.full]) {
        p(`  ${f.pace === 'human' ? "reader's pace" : 'full speed'}:`);
        for (const l of feedLines(f)) p(l);
      }
    }
  }
  p();
  p(`bench wall time ${r.wallSeconds} s`);
  console.log(lines.join('\n'));
}
