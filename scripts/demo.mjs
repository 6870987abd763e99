// `npm start`'s last step: runs scripts/demo.ts (see there). Options: --images DIR
import { runTs } from './run-ts.mjs';

await runTs('scripts/demo.ts');
