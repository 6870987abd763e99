// A converted seed DualSight model (random weights: the real ones cannot be downloaded here) installed
// from files on the options page becomes the active model and badges an image; a broken model file is
// refused with a clear message and the previous model stays active.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomSeedModel } from '../dualsight/seed-model';
import { hasShared, needsShared } from '../shared-data';
import { launchWithExtension, waitForSettledBadges, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { repoRoot } from './harness/paths';

/** The models part's status and alert lines (the C2PA Trust List section has its own). */
const modelStatus = (page: Page) => page.locator('main > p[role=status]');
const modelAlert = (page: Page) => page.locator('main > p[role=alert]');

let server: FixtureServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchWithExtension(server.port);
}, 600_000);
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function options(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'In use' }).waitFor();
  return page;
}

async function install(page: Page, manifest: string, model: string): Promise<void> {
  await page.setInputFiles('#manifest-file', manifest);
  await page.setInputFiles('#model-file', model);
  await page.getByRole('button', { name: /install/i }).click();
}

describe('models installed from files', () => {
  it('refuses a broken model file and keeps the previous model', async () => {
    const page = await options();
    const dir = mkdtempSync(join(tmpdir(), 'dualsight-broken-'));
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'models/dualsight-lite/manifest.json'), 'utf8'));
    // A manifest without size/hash, so the check that refuses it is the model load itself.
    delete manifest.bytes;
    delete manifest.sha256;
    manifest.name = 'broken';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, manifest.file), Buffer.from('this is not an ONNX model'));
    await install(page, join(dir, 'manifest.json'), join(dir, manifest.file));
    await expect.poll(() => modelAlert(page).textContent(), { timeout: 120_000 }).toMatch(/could not be used.*previous model/);
    await page.close();
  }, 180_000);

  // The seed model is converted with the label map from the shared data (test/dualsight/seed-model.ts).
  it.skipIf(!hasShared)(needsShared('installs the converted seed model, makes it active, and badges an image with it'), async () => {
    const seed = await randomSeedModel();
    const page = await options();
    const manifest = JSON.parse(readFileSync(join(seed.dir, 'manifest.json'), 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'dualsight-seed-'));
    copyFileSync(join(seed.dir, 'manifest.json'), join(dir, 'manifest.json'));
    copyFileSync(join(seed.dir, manifest.file), join(dir, manifest.file));
    await install(page, join(dir, 'manifest.json'), join(dir, manifest.file));
    await expect
      .poll(async () => `${await modelStatus(page).textContent()} ${await modelAlert(page).textContent()}`, { timeout: 180_000 })
      .toMatch(/Now using|could not/);
    expect(await modelAlert(page).textContent()).toBe('');
    const id = `${manifest.name}@${manifest.version}`;
    expect(await modelStatus(page).textContent()).toContain(id);
    await page.close();

    const site = await ext.context.newPage();
    await site.goto('https://example.org/');
    const src = await site.$eval('#cross-origin', (img) => (img as HTMLImageElement).currentSrc);
    const sw = ext.context.serviceWorkers().at(-1)!;
    const result = await sw.evaluate((url) => (globalThis as unknown as { dualsight: { check(u: string): Promise<{ ok: boolean; model?: string; error?: string }> } }).dualsight.check(url), src);
    expect(result.ok, result.error).toBe(true);
    expect(result.model).toBe(id);
    await sw.evaluate(async ([s]) => {
      const [tab] = await chrome.tabs.query({ url: 'https://example.org/*' });
      await (globalThis as unknown as { dualsight: { verifyImage(s: string, t?: number, f?: number): Promise<void> } }).dualsight.verifyImage(s, tab?.id, 0);
    }, [src] as const);
    const [badge] = await waitForSettledBadges(site, 1, 120_000);
    expect(badge!.state, badge!.error ?? '').toBe('done');
    expect(badge!.ai).toMatch(/^(0|1)\.\d\d$/);
    await site.close();
  }, 600_000); // includes converting the seed model on a first run
});
