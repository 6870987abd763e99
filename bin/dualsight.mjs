#!/usr/bin/env node
// Launcher for `dualsight`: the CLI itself is bundled from src/cli/main.ts by build.mjs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/dualsight.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('dualsight: the CLI is not built yet; run `npm run build` in the dualsight package first.');
  process.exit(2);
}
await import(bundle.href);
