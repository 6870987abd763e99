// Tests that read the project's shared data (tools/shared-dir.mjs) skip where it is absent (a user's
// fresh clone) with the reason in their title, and always run where it exists (the project's machines,
// CI): a shared folder with a file missing fails, it never skips. test/global-setup.ts prints the reason
// once per run, and fails the run under DUALSIGHT_REQUIRE_SHARED=1 (.ci/run) so CI cannot skip silently.
import { hasShared, sharedDir } from '../tools/shared-dir.mjs';

export { datasetDir, hasShared, sharedDir, sharedPath } from '../tools/shared-dir.mjs';

export const skipReason = `needs the project's shared data; ${sharedDir} does not exist (set DUALSIGHT_SHARED to its folder)`;

/** A describe/it title that carries the skip reason when the shared data is absent, e.g.
 *  `describe.skipIf(!hasShared)(needsShared('parity on real images'), ...)`. */
export const needsShared = (title: string): string => (hasShared ? title : `${title} [skipped: ${skipReason}]`);
