// The usual end-to-end set-up: one fixture server and one Chromium with the extension for a test file.
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startFixtureServer, type ExtraRoute, type FixtureServer } from './fixture-server';

export interface ExtensionSuite {
  server: FixtureServer;
  ext: ExtensionBrowser;
}

/** Registers beforeAll/afterAll hooks; the returned object is filled in before the first test. */
export function withExtensionBrowser(opts: { route?: ExtraRoute } = {}): ExtensionSuite {
  const suite = {} as ExtensionSuite;
  beforeAll(async () => {
    suite.server = await startFixtureServer(opts);
    suite.ext = await launchWithExtension(suite.server.port);
  });
  afterAll(async () => {
    await suite.ext?.close();
    await suite.server?.close();
  });
  return suite;
}
