// The extension (offscreen document: Chromium's decoder, onnxruntime-web in the browser) and the CLI
// (sharp; onnxruntime-node by default, onnxruntime-web's WASM with --backend wasm) run the same
// pre-processing, model and post-processing: for the same image, each CLI runtime's probability is
// within 0.02 of the extension's, and their objects match. (Native vs WASM alone: test/cli/backends.test.ts.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../cli/cli-process';
import { withExtensionBrowser } from './harness/suite';
import { mediaCatalog } from './harness/media-catalog';
import { chromeDist } from './harness/paths';
import { hasShared, needsShared } from '../shared-data';

const IMAGES = ['ds01', 'ds02', 'ds03', 'ds04', 'ds05', 'ds06'];

const suite = withExtensionBrowser();

interface Checked {
  ok: boolean;
  error?: string;
  ai?: { probability: number };
  objects?: { label: string; score: number }[];
  model?: string;
}

// On real images only: the drawn stand-ins of a fresh clone say nothing about real-world agreement.
describe.skipIf(!hasShared)(needsShared('extension vs CLI'), () => {
  it('agree on P(AI) within 0.02 and on the objects, for the same images and model, with either CLI runtime', async () => {
    const catalog = await mediaCatalog();
    const browserResults: Checked[] = [];
    for (const id of IMAGES) {
      const sw = suite.ext.context.serviceWorkers().at(-1) ?? (await suite.ext.context.waitForEvent('serviceworker'));
      browserResults.push(
        await sw.evaluate((url) => (globalThis as unknown as { dualsight: { check(u: string): Promise<Checked> } }).dualsight.check(url), `https://pbs.twimg.com/media/${id}`),
      );
    }
    for (const backend of ['native', 'wasm']) {
      // The CLI runs the very model folder the extension was built with.
      const cli = await runCli(['verify', '--json', '--backend', backend, '--limit', '10', '--model', join(chromeDist, 'models/dualsight-lite'), ...IMAGES.map((id) => catalog.get(id)!.file)]);
      compare(browserResults, cli, backend);
    }
  }, 240_000);
});

function compare(browserResults: Checked[], cli: CliRun, backend: string): void {
  expect(cli.code, `${backend}: ${cli.stderr}`).toBe(0);
  expect(cli.lines).toHaveLength(IMAGES.length);
  let maxDiff = 0;
  IMAGES.forEach((id, i) => {
    const b = browserResults[i]!;
    const n = cli.lines[i] as unknown as Checked;
    expect(b.ok, `${id}: ${b.error}`).toBe(true);
    expect(b.model).toBe(n.model);
    maxDiff = Math.max(maxDiff, Math.abs(b.ai!.probability - n.ai!.probability));
    expect(Math.abs(b.ai!.probability - n.ai!.probability), `${id} P(AI) browser ${b.ai!.probability} vs CLI ${backend} ${n.ai!.probability}`).toBeLessThan(0.02);
    // Objects near the threshold may fall on either side of it; the confident ones must agree.
    const confident = (o: { score: number }) => o.score >= 0.5;
    expect(b.objects!.filter(confident).map((o) => o.label), `${id} ${backend}`).toEqual(n.objects!.filter(confident).map((o) => o.label));
    for (const o of n.objects!) {
      const m = b.objects!.find((x) => x.label === o.label);
      if (m) expect(Math.abs(m.score - o.score), `${id} ${o.label} ${backend}`).toBeLessThan(0.02);
    }
  });
  console.log(`parity: max |P(AI) browser - CLI ${backend}| over ${IMAGES.length} images = ${maxDiff.toExponential(2)}`);
}
