// The extension (offscreen document: Chromium's decoder, onnxruntime-web in the browser) and the CLI
// (sharp, onnxruntime-web's WASM backend in Node) run the same pre-processing, model and
// post-processing: their probabilities for the same image agree within 0.02, and their objects match.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-process';
import { withExtensionBrowser } from './harness/suite';
import { mediaCatalog } from './harness/media-catalog';
import { chromeDist } from './harness/paths';

const IMAGES = ['ds01', 'ds02', 'ds03', 'ds04', 'ds05', 'ds06'];

const suite = withExtensionBrowser();

interface Checked {
  ok: boolean;
  error?: string;
  ai?: { probability: number };
  objects?: { label: string; score: number }[];
  model?: string;
}

describe('extension vs CLI', () => {
  it('agree on P(AI) within 0.02 and on the objects, for the same images and model', async () => {
    const catalog = mediaCatalog();
    const browserResults: Checked[] = [];
    for (const id of IMAGES) {
      const sw = suite.ext.context.serviceWorkers().at(-1) ?? (await suite.ext.context.waitForEvent('serviceworker'));
      browserResults.push(
        await sw.evaluate((url) => (globalThis as unknown as { dualsight: { check(u: string): Promise<Checked> } }).dualsight.check(url), `https://pbs.twimg.com/media/${id}`),
      );
    }
    // The CLI runs the very model folder the extension was built with.
    const cli = await runCli(['verify', '--json', '--limit', '10', '--model', join(chromeDist, 'models/dualsight-lite'), ...IMAGES.map((id) => catalog.get(id)!.file)]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.lines).toHaveLength(IMAGES.length);
    let maxDiff = 0;
    IMAGES.forEach((id, i) => {
      const b = browserResults[i]!;
      const n = cli.lines[i] as unknown as Checked;
      expect(b.ok, `${id}: ${b.error}`).toBe(true);
      expect(b.model).toBe(n.model);
      maxDiff = Math.max(maxDiff, Math.abs(b.ai!.probability - n.ai!.probability));
      expect(Math.abs(b.ai!.probability - n.ai!.probability), `${id} P(AI) browser ${b.ai!.probability} vs CLI ${n.ai!.probability}`).toBeLessThan(0.02);
      // Objects near the threshold may fall on either side of it; the confident ones must agree.
      const confident = (o: { score: number }) => o.score >= 0.5;
      expect(b.objects!.filter(confident).map((o) => o.label), id).toEqual(n.objects!.filter(confident).map((o) => o.label));
      for (const o of n.objects!) {
        const m = b.objects!.find((x) => x.label === o.label);
        if (m) expect(Math.abs(m.score - o.score), `${id} ${o.label}`).toBeLessThan(0.02);
      }
    });
    console.log(`parity: max |P(AI) browser - CLI| over ${IMAGES.length} images = ${maxDiff.toExponential(2)}`);
  }, 240_000);
});
