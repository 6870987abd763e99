// Stock Firefox (Debian's firefox-esr) headless, driven over WebDriver BiDi, with dist/firefox installed
// as a temporary add-on and every host name sent to the fixture server.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BidiSession } from './bidi';

/** The Firefox binary: $DUALSIGHT_FIREFOX when set (and only it), else Debian's firefox-esr or firefox. */
export function findFirefox(): string | undefined {
  const wanted = process.env.DUALSIGHT_FIREFOX;
  if (wanted) return existsSync(wanted) ? wanted : undefined;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
}

export const EXTENSION_ID = 'dualsight@dualsight.app';
/** moz-extension:// hosts are random per profile; a fixed one lets the test open the popup by URL. */
export const EXTENSION_UUID = '4c7e3f4b-8d3a-4c62-9b7a-0d5f2a1e6b10';

/** Firefox's form of Chromium's `--host-resolver-rules=MAP * 127.0.0.1:PORT`. */
export function firefoxPrefs(port: number): Record<string, string | number | boolean> {
  return {
    // Every host name resolves to the fixture server's address ...
    'network.dns.forceResolve': '127.0.0.1',
    // ... and connections to port 443 go to its port instead.
    'network.socket.forcePort': `443=${port}`,
    'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
  };
}

export interface FirefoxWithExtension {
  bidi: BidiSession;
  /** moz-extension:// URL of a file of the extension, e.g. "popup.html". */
  extensionUrl(path: string): string;
  /** A new tab, navigated to `url` and loaded; returns its browsing context id. */
  openTab(url: string): Promise<string>;
  /** Polls `expression` in the tab until it is truthy; throws after `timeoutMs`. */
  waitFor(context: string, expression: string, timeoutMs: number): Promise<void>;
  /**
   * Stops the extension's background page now, as Firefox does to an idle event page (and as
   * about:debugging's "Terminate background script" does), even with messages in flight.
   * Returns the background state before and after.
   */
  terminateBackground(): Promise<[string, string]>;
  /** Firefox's last output, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

/** Starts Firefox and resolves with its BiDi WebSocket endpoint, printed on stderr at start-up. */
function startProcess(binary: string, profile: string, log: (s: string) => void): Promise<{ child: ChildProcess; endpoint: string }> {
  // --remote-allow-system-access: without it BiDi refuses navigations to moz-extension:// (the popup)
  // and has no access to privileged code (terminateBackground).
  const args = ['--headless', '--no-remote', '--remote-debugging-port=0', '--remote-allow-system-access', '--profile', profile];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Firefox printed no BiDi endpoint within 30 s:\n${seen.slice(-2000)}`));
    }, 30_000);
    const onData = (d: Buffer): void => {
      const s = String(d);
      log(s);
      seen += s;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve({ child, endpoint: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before BiDi was up:\n${seen.slice(-2000)}`));
    });
  });
}

export async function launchFirefox(binary: string, port: number, dist: string): Promise<FirefoxWithExtension> {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no manifest.json: run npm run build first`);
  const profile = mkdtempSync(join(tmpdir(), 'dualsight-firefox-'));
  const prefs = Object.entries(firefoxPrefs(port)).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
  writeFileSync(join(profile, 'user.js'), `${prefs.join('\n')}\n`);
  let out = '';
  let child: ChildProcess | undefined;
  let bidi: BidiSession;
  try {
    let endpoint: string;
    ({ child, endpoint } = await startProcess(binary, profile, (s) => (out = (out + s).slice(-20_000))));
    bidi = await BidiSession.start(endpoint);
    // A temporary add-on, as about:debugging's "Load Temporary Add-on": no signature needed.
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: dist } });
  } catch (err) {
    // No handle reaches the test's afterAll: leave no Firefox or profile behind.
    child?.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  const firefox = child;

  const api: FirefoxWithExtension = {
    bidi,
    extensionUrl: (path) => `moz-extension://${EXTENSION_UUID}/${path}`,
    async openTab(url) {
      const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
      await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' }, 60_000);
      return context;
    },
    async waitFor(context, expression, timeoutMs) {
      const end = Date.now() + timeoutMs;
      while (!(await bidi.evaluate<boolean>(context, `Boolean(${expression})`))) {
        if (Date.now() > end) throw new Error(`not true within ${timeoutMs} ms: ${expression}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async terminateBackground() {
      // Only privileged (chrome) code can reach the add-on's background; BiDi runs it in the browser
      // window's chrome scope, which --remote-allow-system-access opens.
      const { contexts } = await bidi.send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
      return bidi.evaluate<[string, string]>(contexts[0]!.context, `(async () => {
        const ext = WebExtensionPolicy.getByID(${JSON.stringify(EXTENSION_ID)}).extension;
        const before = ext.backgroundState;
        await ext.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
        return [before, ext.backgroundState];
      })()`);
    },
    output: () => out,
    async close() {
      await bidi.send('browser.close', {}, 10_000).catch(() => undefined);
      bidi.close();
      if (firefox.exitCode === null) {
        const exited = new Promise((r) => firefox.once('exit', r));
        const timer = setTimeout(() => firefox.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return api;
}
