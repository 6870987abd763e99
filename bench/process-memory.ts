// Resident memory of this browser's extension renderer process (it hosts the offscreen document and
// the service worker), from /proc. The browser's own CDP lists its processes, so other Chromiums on a
// shared machine are never counted.
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';

function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

export async function extensionProcessRss(context: BrowserContext): Promise<number | null> {
  const browser = context.browser();
  if (!browser) return null;
  const s = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await s.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    let total = 0;
    let found = false;
    for (const p of processInfo) {
      if (p.type !== 'renderer') continue;
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${p.id}/cmdline`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      if (!cmdline.includes('--extension-process')) continue;
      total += rssBytes(p.id);
      found = true;
    }
    return found ? total : null;
  } finally {
    await s.detach().catch(() => undefined);
  }
}
