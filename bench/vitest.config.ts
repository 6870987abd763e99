// The bench's unit tests (npx vitest run --config bench/vitest.config.ts); the root config covers src/ and test/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['bench/**/*.test.ts'], root: fileURLToPath(new URL('..', import.meta.url)) } });
