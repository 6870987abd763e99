// Optimisations prototyped in bench-only builds: each swaps one module the offscreen code imports
// ("importing file:import path" -> replacement file), so src/ stays as it is.

export interface Prototype {
  name: string;
  description: string;
  replace: Record<string, string>;
}

export const PROTOTYPES: Prototype[] = [
  {
    name: 'thumbnail-sync-encode',
    description: 'history thumbnail encoded with canvas.toDataURL (OffscreenCanvas.convertToBlob waits ~1 s in the offscreen document)',
    replace: { 'src/offscreen/inference.ts:./decode': 'bench/prototypes/thumbnail-sync-encode.ts' },
  },
];
