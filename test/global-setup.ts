// Once per `vitest run`: says which tests a machine without the shared data skips, and why; on CI
// (DUALSIGHT_REQUIRE_SHARED=1) a missing shared folder fails the run instead of skipping quietly.
import { hasShared, skipReason } from './shared-data';

export default function setup(): void {
  if (hasShared) return;
  if (process.env.DUALSIGHT_REQUIRE_SHARED === '1') throw new Error(`DUALSIGHT_REQUIRE_SHARED=1: ${skipReason}`);
  process.stderr.write(`\ndualsight tests: ${skipReason}. Tests that read it are skipped (their titles say so); the rest use images the tests draw themselves.\n\n`);
}
