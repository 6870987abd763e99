// The seed-model converter end to end: seeded random DualSight weights -> `convert:dualsight` ->
// `dualsight verify --json --raw`, compared number for number with PyTorch (torchvision transforms)
// on real images. Random weights stand in for the real ones, which cannot be downloaded here.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/node/decode-image';
import { parseManifest, type ModelManifest } from '../../src/shared/model-manifest';
import { modelPixels } from '../../src/shared/preprocess';
import { runCli } from '../cli/cli-process';
import { hasShared, needsShared } from '../shared-data';
import { CACHED_SEED_MODEL, DATASET_IMAGES, LABELS, PYTHON, convertSeedModel, makeRandomWeights, python } from './seed-model';

// Different shapes on purpose: landscape and portrait upscaled to 256, square downscaled.
const PARITY_IMAGES = [
  'real/coco__lightly-ai_coco128_yolo__0a1f34ce91.jpg', // 320x214
  'ai/dalle3__hanisntsolo_hanisntsolo.github.io__8af5a79cde.jpg', // 183x320
  'ai/auraflow__comfyanonymous_ComfyUI-examples__130d7bc9ea.jpg', // 320x320
];
// 318x320 resizes to 256x257: the crop offset (257-224)/2 = 16.5 rounds half-to-even in torchvision.
const ODD_CROP_IMAGE = 'ai/dalle3__hastingslab-org_ai-human-images__172772e813.jpg';
const TOLERANCE = 1e-3;

interface Reference {
  png: string;
  pixels: string;
  obj_logits: number[];
  bin_logits: number[];
}

const softmax = (v: number[]): number[] => {
  const max = Math.max(...v);
  const e = v.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
};
const maxAbsDiff = (a: number[], b: number[]): number => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
const maxAbs = (a: number[]): number => Math.max(...a.map(Math.abs));

/** What the objects list must be, computed independently of src/shared/postprocess.ts. */
function expectedObjects(probs: number[], labels: string[], threshold: number, limit: number) {
  const byName = new Map<string, number>();
  probs.forEach((p, i) => {
    if (labels[i] === 'Unknown') return;
    for (const name of labels[i]!.split(', ')) byName.set(name, (byName.get(name) ?? 0) + p);
  });
  return [...byName].filter(([, s]) => s >= threshold).sort((a, b) => b[1] - a[1]).slice(0, limit);
}

// The seed model's label map and the parity images are in the shared data.
describe.skipIf(!hasShared)(needsShared('convert:dualsight (PyTorch -> ONNX model folder)'), () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dualsight-convert-test-'));
  const weights = join(CACHED_SEED_MODEL, '..', 'dualsight-random.pth');
  let converterOutput = '';
  let manifest: ModelManifest;
  let refs: Reference[];

  beforeAll(async () => {
    mkdirSync(CACHED_SEED_MODEL, { recursive: true });
    await makeRandomWeights(weights);
    converterOutput = await convertSeedModel(weights, CACHED_SEED_MODEL);
    manifest = parseManifest(JSON.parse(readFileSync(join(CACHED_SEED_MODEL, 'manifest.json'), 'utf8')));
    const out = await python('test/dualsight/torch_reference.py', [weights, tmp, ...[...PARITY_IMAGES, ODD_CROP_IMAGE].map((f) => join(DATASET_IMAGES, f))]);
    refs = out.trim().split('\n').map((l) => JSON.parse(l) as Reference);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes a manifest the extension accepts, with both heads, labels and integrity fields', () => {
    const labels = JSON.parse(readFileSync(LABELS, 'utf8')) as Record<string, number>;
    const { objects, authenticity } = manifest.outputs;
    expect(objects).toMatchObject({ name: 'obj_logits', activation: 'softmax', labelKind: 'label-sets', ignore: ['Unknown'] });
    expect(objects.labels).toHaveLength(494);
    for (const [name, index] of Object.entries(labels)) expect(objects.labels[index]).toBe(name);
    expect(authenticity).toMatchObject({ name: 'bin_logits', activation: 'softmax', aiIndex: 0, labels: ['AI-Generated', 'Real'] });
    expect(manifest.input).toMatchObject({ name: 'image', layout: 'NCHW', width: 224, height: 224, resize: 'shorter-center-crop', resizeShorter: 256, scale: 255 });
    expect(manifest.input.mean).toEqual([0.485, 0.456, 0.406]);
    expect(manifest.input.std).toEqual([0.229, 0.224, 0.225]);
    const model = readFileSync(join(CACHED_SEED_MODEL, manifest.file));
    expect(manifest.bytes).toBe(model.byteLength);
    expect(manifest.sha256).toBe(createHash('sha256').update(model).digest('hex'));
    // The wrapper ran the export in onnxruntime-web against PyTorch before declaring success.
    expect(converterOutput).toMatch(/checked obj_logits in onnxruntime-web/);
    expect(converterOutput).toMatch(/checked bin_logits in onnxruntime-web/);
  });

  it('pre-processes PNGs to exactly the pixels torchvision Resize(256) + CenterCrop(224) gives', async () => {
    for (const ref of refs) {
      const img = await decodeImage(new Uint8Array(readFileSync(ref.png)));
      const ours = modelPixels(img, manifest.input);
      const theirs = new Uint8Array(readFileSync(ref.pixels));
      let differing = 0;
      for (let i = 0; i < theirs.length; i++) if (ours[i] !== theirs[i]) differing++;
      expect({ image: ref.png, differing }).toEqual({ image: ref.png, differing: 0 });
    }
  });

  it('makes `dualsight verify` reproduce PyTorch on real images, for both heads', async () => {
    const parity = refs.slice(0, PARITY_IMAGES.length);
    // The images must give distinguishable outputs, or agreeing with PyTorch would prove little.
    expect(maxAbsDiff(parity[0]!.obj_logits, parity[1]!.obj_logits)).toBeGreaterThan(100 * TOLERANCE * maxAbs(parity[0]!.obj_logits));
    const run = await runCli(['verify', '--json', '--raw', '--limit', '10', '--model', CACHED_SEED_MODEL, ...parity.map((r) => r.png)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(parity.length);
    parity.forEach((ref, i) => {
      const line = run.lines[i] as any;
      expect(line.input).toBe(ref.png);
      for (const [head, theirs] of [['objects', ref.obj_logits], ['authenticity', ref.bin_logits]] as const) {
        const raw = line.raw[head];
        expect(maxAbsDiff(raw.values, theirs) / maxAbs(theirs)).toBeLessThan(TOLERANCE);
        expect(maxAbsDiff(raw.probabilities, softmax(theirs))).toBeLessThan(TOLERANCE);
      }
      const pAi = softmax(ref.bin_logits)[0]!;
      expect(Math.abs(line.ai.probability - pAi)).toBeLessThan(TOLERANCE);
      expect(line.ai.verdict).toBe(pAi >= manifest.thresholds.ai ? 'ai' : pAi <= manifest.thresholds.real ? 'real' : 'unsure');
      const expected = expectedObjects(softmax(ref.obj_logits), manifest.outputs.objects.labels, manifest.thresholds.object, 10);
      expect(expected.length).toBeGreaterThan(0);
      expect(line.objects.map((o: { label: string }) => o.label)).toEqual(expected.map(([name]) => name));
      expect(maxAbsDiff(line.objects.map((o: { score: number }) => o.score), expected.map(([, s]) => s))).toBeLessThan(TOLERANCE);
    });
  });

  it('makes a float16-weights copy that agrees with float32 on real images', async () => {
    const half = join(tmp, 'fp16');
    await python('tools/dualsight/fp16_weights.py', [CACHED_SEED_MODEL, half]);
    const halfManifest = parseManifest(JSON.parse(readFileSync(join(half, 'manifest.json'), 'utf8')));
    expect(halfManifest.version).toBe(`${manifest.version}-fp16`);
    expect(halfManifest.bytes!).toBeLessThan(0.51 * manifest.bytes!);
    const pngs = refs.slice(0, PARITY_IMAGES.length).map((r) => r.png);
    const [full, halved] = [await runCli(['verify', '--json', '--raw', '--model', CACHED_SEED_MODEL, ...pngs]), await runCli(['verify', '--json', '--raw', '--model', half, ...pngs])];
    expect(halved.code).toBe(0);
    full.lines.forEach((f: any, i) => {
      const h = halved.lines[i] as any;
      // Measured on 40 dataset images: P(AI) within 1.1e-4, logits within 5e-4 of their scale.
      expect(Math.abs(h.ai.probability - f.ai.probability)).toBeLessThan(1e-3);
      expect(maxAbsDiff(h.raw.objects.values, f.raw.objects.values) / maxAbs(f.raw.objects.values)).toBeLessThan(2e-3);
      expect(h.objects.map((o: { label: string }) => o.label)).toEqual(f.objects.map((o: { label: string }) => o.label));
    });
  });

  it('refuses weights that are not DualSight, naming the problem', async () => {
    const broken = join(tmp, 'broken.pth');
    // Tensors under the wrong names (e.g. a plain torchvision ResNet checkpoint) must not half-load.
    const save = `import torch,sys; torch.save({'backbone.conv1.weight': torch.zeros(64, 3, 7, 7), 'fc.weight': torch.zeros(1000, 2048)}, sys.argv[1])`;
    await promisify(execFile)(PYTHON, ['-c', save, broken]);
    const failed = await convertSeedModel(broken, join(tmp, 'out')).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/not DualSight weights.*Missing key.*bin_head\.bias/s);
  });
});

