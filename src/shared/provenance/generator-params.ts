// Generation parameters that image generators write into the files they save. Each recogniser
// needs the generator's own structure (a keyword it uses plus the shape of its value), so a caption
// or comment that merely mentions a model name does not count.
//   AUTOMATIC1111 / Forge / SD.Next: PNG "parameters" (or JPEG EXIF UserComment) "prompt\nNegative
//     prompt: ...\nSteps: 20, Sampler: Euler a, Seed: 1, Model: x".
//   ComfyUI: PNG "prompt" (node graph JSON) and "workflow".
//   NovelAI: PNG "Software" = "NovelAI", "Comment" JSON, "Description" prompt.
//   InvokeAI: PNG "invokeai_metadata" JSON, older "sd-metadata" JSON.
//   Fooocus: PNG "fooocus_scheme" + "parameters" JSON.

import type { ProvenanceSignal } from '../verdict';
import { truncate } from './text';

export interface GeneratorParameters {
  generator: string;
  prompt?: string;
  negativePrompt?: string;
  model?: string;
  sampler?: string;
  seed?: string;
  steps?: string;
}

/** The records a recogniser sees: keyword -> text, from one container. */
export type TextMap = Map<string, string>;

const PROMPT_MAX = 300;
/** A1111 text longer than this is cut before parsing: real ones are a few KB. */
const A1111_MAX = 64 * 1024;

export function recogniseGenerator(texts: TextMap): GeneratorParameters | undefined {
  return novelAi(texts) ?? fooocus(texts) ?? invokeAi(texts) ?? comfyUi(texts) ?? a1111(texts.get('parameters'));
}

/** "prompt\nNegative prompt: n\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 5, Model: m". */
export function a1111(text: string | undefined): GeneratorParameters | undefined {
  if (!text) return undefined;
  const lines = text.slice(0, A1111_MAX).split('\n');
  const settingsLine = [...lines].reverse().find((l) => /(^|, )Steps: \d+/.test(l) && /(Sampler|Seed): /.test(l));
  if (!settingsLine) return undefined;
  const settings = parseSettings(settingsLine);
  const settingsIndex = lines.lastIndexOf(settingsLine);
  const head = lines.slice(0, settingsIndex);
  const negIndex = head.findIndex((l) => l.startsWith('Negative prompt:'));
  const prompt = (negIndex < 0 ? head : head.slice(0, negIndex)).join('\n');
  const negative = negIndex < 0 ? undefined : head.slice(negIndex).join('\n').replace(/^Negative prompt:\s*/, '');
  return {
    generator: settings.has('Version') && settings.get('Version')!.startsWith('f') ? 'Forge (A1111)' : 'AUTOMATIC1111',
    prompt,
    negativePrompt: negative,
    model: settings.get('Model') ?? settings.get('Model hash'),
    sampler: settings.get('Sampler'),
    seed: settings.get('Seed'),
    steps: settings.get('Steps'),
  };
}

/**
 * "Key: value, Key: "quoted, value", ..." scanned in one pass (a regex with nested quantifiers
 * here would backtrack quadratically on a crafted line).
 */
function parseSettings(line: string): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < line.length) {
    const colon = line.indexOf(': ', at);
    if (colon < 0) break;
    const key = line.slice(at, colon).trim();
    let end: number;
    let value: string;
    if (line[colon + 2] === '"') {
      const close = line.indexOf('"', colon + 3);
      end = close < 0 ? line.length : close + 1;
      value = line.slice(colon + 2, end);
      const comma = line.indexOf(', ', end);
      end = comma < 0 ? line.length : comma;
    } else {
      const comma = line.indexOf(', ', colon + 2);
      end = comma < 0 ? line.length : comma;
      value = line.slice(colon + 2, end);
    }
    if (key && !out.has(key)) out.set(key, value.trim());
    at = end + 2;
  }
  return out;
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/\bNaN\b/g, 'null')); // ComfyUI writes NaN for some widgets
    } catch {
      return undefined;
    }
  }
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function comfyUi(texts: TextMap): GeneratorParameters | undefined {
  const graph = parseJson(texts.get('prompt'));
  if (!isObj(graph)) return undefined;
  const nodes = Object.values(graph).filter((n): n is Json => isObj(n) && typeof n.class_type === 'string' && isObj(n.inputs));
  if (nodes.length === 0) return undefined;
  const inputs = (n: Json): Json => n.inputs as Json;
  const sampler = nodes.find((n) => /KSampler|SamplerCustom/.test(n.class_type as string));
  const loader = nodes.find((n) => /Checkpoint|UNETLoader|UnetLoader|ModelLoader/i.test(n.class_type as string));
  const textOf = (link: unknown): string | undefined => {
    // Inputs that come from another node are [nodeId, outputIndex] links.
    if (!Array.isArray(link)) return undefined;
    const node = graph[String(link[0])];
    return isObj(node) && isObj(node.inputs) ? str(node.inputs.text) ?? str(node.inputs.text_g) : undefined;
  };
  const anyText = nodes.filter((n) => /CLIPTextEncode/.test(n.class_type as string)).map((n) => str(inputs(n).text)).find((t) => t);
  return {
    generator: 'ComfyUI',
    prompt: (sampler && textOf(inputs(sampler).positive)) ?? anyText,
    negativePrompt: sampler && textOf(inputs(sampler).negative),
    model: loader && (str(inputs(loader).ckpt_name) ?? str(inputs(loader).unet_name) ?? str(inputs(loader).model_name)),
    sampler: sampler && str(inputs(sampler).sampler_name),
    seed: sampler && (str(inputs(sampler).seed) ?? str(inputs(sampler).noise_seed)),
    steps: sampler && str(inputs(sampler).steps),
  };
}

function novelAi(texts: TextMap): GeneratorParameters | undefined {
  if (texts.get('Software')?.trim() !== 'NovelAI') return undefined;
  const c = parseJson(texts.get('Comment'));
  const o: Json = isObj(c) ? c : {};
  return {
    generator: 'NovelAI',
    prompt: str(o.prompt) ?? texts.get('Description'),
    negativePrompt: str(o.uc),
    model: texts.get('Source'),
    sampler: str(o.sampler),
    seed: str(o.seed),
    steps: str(o.steps),
  };
}

function invokeAi(texts: TextMap): GeneratorParameters | undefined {
  const meta = parseJson(texts.get('invokeai_metadata'));
  if (isObj(meta)) {
    const model = isObj(meta.model) ? str(meta.model.name) ?? str(meta.model.model_name) : str(meta.model);
    return { generator: 'InvokeAI', prompt: str(meta.positive_prompt), negativePrompt: str(meta.negative_prompt), model, sampler: str(meta.scheduler), seed: str(meta.seed), steps: str(meta.steps) };
  }
  const legacy = parseJson(texts.get('sd-metadata'));
  if (!isObj(legacy) || !isObj(legacy.image)) return undefined;
  const img = legacy.image;
  const prompt = Array.isArray(img.prompt) ? img.prompt.map((p) => (isObj(p) ? str(p.prompt) : str(p))).filter(Boolean).join(' ') : str(img.prompt);
  return { generator: 'InvokeAI', prompt, model: str(legacy.model_weights), sampler: str(img.sampler), seed: str(img.seed), steps: str(img.steps) };
}

function fooocus(texts: TextMap): GeneratorParameters | undefined {
  if (!texts.has('fooocus_scheme')) return undefined;
  const p = parseJson(texts.get('parameters'));
  if (!isObj(p)) return a1111(texts.get('parameters')) && { ...a1111(texts.get('parameters'))!, generator: 'Fooocus' };
  return { generator: 'Fooocus', prompt: str(p.prompt), negativePrompt: str(p.negative_prompt), model: str(p.base_model), sampler: str(p.sampler), seed: str(p.seed), steps: str(p.steps) };
}

export function generatorSignal(p: GeneratorParameters, source: string): ProvenanceSignal {
  const details: Record<string, string> = {};
  for (const k of ['prompt', 'negativePrompt', 'model', 'sampler', 'seed', 'steps'] as const) {
    const v = p[k];
    if (v) details[k] = truncate(v, k.endsWith('rompt') ? PROMPT_MAX : 120);
  }
  const bits = [details.model && `model ${truncate(details.model, 40)}`, details.sampler && `sampler ${details.sampler}`, details.seed && `seed ${details.seed}`].filter(Boolean);
  const prompt = details.prompt ? `: "${truncate(details.prompt, 80)}"` : '';
  return {
    kind: 'generator-parameters',
    summary: `${p.generator} generation parameters${bits.length ? ` (${bits.join(', ')})` : ''}${prompt}`,
    generator: p.generator,
    source,
    ...details,
  };
}
