// A valid dualsight-model@1 manifest for unit tests of the stores and the options page (they keep model
// files as opaque bytes and never run them).
export function testManifest(over: Record<string, unknown> = {}) {
  return {
    format: 'dualsight-model@1',
    name: 'my-model',
    version: '1.0.0',
    file: 'model.onnx',
    input: { name: 'input', layout: 'NCHW', width: 224, height: 224, resize: 'stretch', scale: 255, mean: [0, 0, 0], std: [1, 1, 1] },
    outputs: {
      objects: { name: 'objects', activation: 'sigmoid', labels: ['person', 'cat'] },
      authenticity: { name: 'authenticity', activation: 'softmax', aiIndex: 1 },
    },
    thresholds: { ai: 0.7, real: 0.3, object: 0.4 },
    ...over,
  };
}

/** A manifest for tests that run the post-processing: three single-label object classes and one AI logit
 * through a sigmoid (the shape of the built-in model's outputs). */
export function logitTestManifest(over: Record<string, unknown> = {}) {
  return testManifest({
    name: 'm',
    version: '1',
    input: { name: 'image', layout: 'NCHW', width: 224, height: 224, resize: 'stretch', scale: 255, mean: [0, 0, 0], std: [1, 1, 1] },
    outputs: {
      objects: { name: 'objects', activation: 'none', labels: ['person', 'dog', 'cat'], labelKind: 'single' },
      authenticity: { name: 'ai_logit', activation: 'sigmoid', aiIndex: 0 },
    },
    thresholds: { ai: 0.7, real: 0.3, object: 0.2 },
    ...over,
  });
}
