// Debian's Chromium with the built extension loaded, every host name resolved to the fixture server.
// Extensions need Chromium's new headless mode; playwright-core's `headless: true` with a Chromium
// that is not its own "headless shell" runs it (checked with /usr/bin/chromium 156).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromeDist } from './paths';

export const CHROMIUM = process.env.DUALSIGHT_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export function chromiumArgs(port: number, dist?: string): string[] {
  return [
    ...(dist ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : []),
    // Every name (x.com, pbs.twimg.com, ...) goes to the fixture server; nothing leaves the machine.
    `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--enable-unsafe-webgpu',
  ];
}

/** Launches Chromium with no extension (harness self-tests) or with `dist` loaded. */
export async function launchChromium(port: number, dist?: string, opts: { headless?: boolean } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install -y chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'dualsight-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: chromiumArgs(port, dist),
    viewport: { width: 1000, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launchWithExtension(port: number, dist = chromeDist, opts: { headless?: boolean } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no manifest.json: run npm run build first`);
  const { context, close } = await launchChromium(port, dist, opts);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, close };
}

/** Host elements of the badges in a page (any element with data-dualsight: the tag falls back when a page owns ours), with their test-contract attributes. */
export interface BadgeInfo {
  state: string | null;
  src: string | null;
  ai: string | null;
  objects: string | null;
  error: string | null;
  label: string | null;
  /** currentSrc of the image right before the host (or of the <picture> before it). */
  imageSrc: string | null;
}

export function readBadges(page: Page): Promise<BadgeInfo[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-dualsight]')].map((h) => {
      const prev = h.previousElementSibling;
      const img = prev?.tagName === 'IMG' ? prev : prev?.querySelector('img');
      return {
        state: h.getAttribute('data-dualsight'),
        src: h.getAttribute('data-dualsight-src'),
        ai: h.getAttribute('data-dualsight-ai'),
        objects: h.getAttribute('data-dualsight-objects'),
        error: h.getAttribute('data-dualsight-error'),
        label: h.getAttribute('aria-label'),
        imageSrc: img ? (img as HTMLImageElement).currentSrc : null,
      };
    }),
  );
}

/** Waits until `count` badges exist and none is still checking. */
export async function waitForSettledBadges(page: Page, count: number, timeout = 90_000): Promise<BadgeInfo[]> {
  await page.waitForFunction(
    (n) => {
      const hosts = [...document.querySelectorAll('[data-dualsight]')];
      return hosts.length >= n && hosts.every((h) => h.getAttribute('data-dualsight') !== 'checking');
    },
    count,
    { timeout, polling: 250 },
  );
  return readBadges(page);
}
