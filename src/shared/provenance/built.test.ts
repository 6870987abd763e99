// readProvenance on files built by the test: each generator's chunk, XMP DigitalSourceType in every
// container, EXIF, and markers that must not count because they sit outside valid structures.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as b from '../../../test/fixtures/provenance-builders';
import { hasShared, needsShared } from '../../../test/shared-data';
import { readProvenance } from './index';

const A1111 = 'a cat in a spacesuit, highly detailed\nNegative prompt: blurry, lowres\nSteps: 28, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234567, Size: 512x768, Model hash: abc123, Model: dreamshaper_8';
const kinds = async (file: Uint8Array): Promise<string[]> => (await readProvenance(file)).signals.map((s) => s.kind);
const signal = async (file: Uint8Array, kind: string) => (await readProvenance(file)).signals.find((s) => s.kind === kind);

describe('generator parameters in PNG text chunks', () => {
  it('AUTOMATIC1111 "parameters" (tEXt): prompt, negative prompt, model, sampler, seed', async () => {
    const p = await readProvenance(b.png(b.tEXt('parameters', A1111)));
    expect(p.declared).toBe('ai');
    expect(p.signals.find((s) => s.kind === 'generator-parameters')).toMatchObject({
      generator: 'AUTOMATIC1111',
      prompt: 'a cat in a spacesuit, highly detailed',
      negativePrompt: 'blurry, lowres',
      model: 'dreamshaper_8',
      sampler: 'DPM++ 2M Karras',
      seed: '1234567',
      steps: '28',
    });
  });

  it('the same text compressed in zTXt and in a compressed iTXt is inflated and read', async () => {
    expect(await signal(b.png(b.zTXt('parameters', A1111)), 'generator-parameters')).toMatchObject({ seed: '1234567' });
    expect(await signal(b.png(b.iTXt('parameters', A1111, true)), 'generator-parameters')).toMatchObject({ seed: '1234567' });
  });

  it('ComfyUI "prompt" graph: follows the sampler positive link to the prompt text', async () => {
    const graph = {
      '3': { class_type: 'KSampler', inputs: { seed: 42, steps: 20, sampler_name: 'euler', positive: ['6', 0], negative: ['7', 0], model: ['4', 0] } },
      '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sdxl.safetensors' } },
      '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a lighthouse at dusk' } },
      '7': { class_type: 'CLIPTextEncode', inputs: { text: 'text, watermark' } },
    };
    const g = await signal(b.png(b.tEXt('prompt', JSON.stringify(graph)), b.tEXt('workflow', '{"nodes":[]}')), 'generator-parameters');
    expect(g).toMatchObject({ generator: 'ComfyUI', prompt: 'a lighthouse at dusk', negativePrompt: 'text, watermark', model: 'sdxl.safetensors', sampler: 'euler', seed: '42' });
  });

  it('NovelAI Software/Comment/Description', async () => {
    const file = b.png(b.tEXt('Software', 'NovelAI'), b.tEXt('Description', 'a knight'), b.tEXt('Comment', JSON.stringify({ prompt: 'a knight, masterpiece', seed: 99, sampler: 'k_euler', steps: 28, uc: 'bad hands' })));
    expect(await signal(file, 'generator-parameters')).toMatchObject({ generator: 'NovelAI', prompt: 'a knight, masterpiece', seed: '99', sampler: 'k_euler', negativePrompt: 'bad hands' });
  });

  it('InvokeAI invokeai_metadata and legacy sd-metadata (iTXt)', async () => {
    const meta = { positive_prompt: 'a red fox', negative_prompt: '', model: { name: 'juggernaut-xl' }, seed: 7, scheduler: 'dpmpp_2m', steps: 30 };
    expect(await signal(b.png(b.iTXt('invokeai_metadata', JSON.stringify(meta))), 'generator-parameters')).toMatchObject({ generator: 'InvokeAI', prompt: 'a red fox', model: 'juggernaut-xl', seed: '7' });
    const legacy = { model_weights: 'stable-diffusion-1.5', image: { prompt: [{ prompt: 'old castle', weight: 1 }], seed: 8, sampler: 'k_lms', steps: 50 } };
    expect(await signal(b.png(b.tEXt('sd-metadata', JSON.stringify(legacy))), 'generator-parameters')).toMatchObject({ generator: 'InvokeAI', prompt: 'old castle', model: 'stable-diffusion-1.5', seed: '8' });
  });

  it('Fooocus fooocus_scheme + JSON parameters', async () => {
    const params = { prompt: 'a mountain lake', negative_prompt: '', base_model: 'juggernautXL_v8', seed: '5', sampler: 'dpmpp_2m_sde_gpu', steps: 30 };
    const file = b.png(b.tEXt('fooocus_scheme', 'fooocus'), b.tEXt('parameters', JSON.stringify(params)));
    expect(await signal(file, 'generator-parameters')).toMatchObject({ generator: 'Fooocus', prompt: 'a mountain lake', model: 'juggernautXL_v8', seed: '5' });
  });

  it('A1111 settings with quoted values containing commas', async () => {
    const text = 'p\nSteps: 20, Sampler: Euler, Lora hashes: "a: 1, b: 2", Seed: 5, Model: m';
    expect(await signal(b.png(b.tEXt('parameters', text)), 'generator-parameters')).toMatchObject({ seed: '5', model: 'm', sampler: 'Euler' });
  });

  it('a crafted 60 KB settings line (no separators) is read in one pass, without hanging', async () => {
    const text = `p\nSteps: 1, Seed: 2, ${'a'.repeat(60_000)}`;
    expect(await signal(b.png(b.tEXt('parameters', text)), 'generator-parameters')).toMatchObject({ seed: '2' });
  });

  it('long prompts are shown truncated', async () => {
    const long = `${'word '.repeat(400)}\nSteps: 20, Sampler: Euler, Seed: 1`;
    const g = await signal(b.png(b.tEXt('parameters', long)), 'generator-parameters');
    expect((g!.prompt as string).length).toBeLessThanOrEqual(300);
    expect(g!.prompt).toMatch(/…$/);
  });
});

describe('generator parameters in JPEG and WebP', () => {
  it('A1111 text in EXIF UserComment (UNICODE) marks a JPEG "ai"', async () => {
    const file = b.jpeg(b.jpegExif(b.tiff([{ tag: 0x0131, ascii: 'sd-webui' }], [{ tag: 0x9286, undefinedBytes: b.userComment(A1111, 'UNICODE') }])));
    const p = await readProvenance(file);
    expect(p.declared).toBe('ai');
    expect(p.signals.find((s) => s.kind === 'generator-parameters')).toMatchObject({ source: 'EXIF UserComment', seed: '1234567' });
  });

  it('A1111 text in a WebP EXIF chunk (ASCII UserComment)', async () => {
    const file = b.webp(b.riffChunk('EXIF', b.tiff([], [{ tag: 0x9286, undefinedBytes: b.userComment(A1111) }])));
    expect(await signal(file, 'generator-parameters')).toMatchObject({ model: 'dreamshaper_8' });
  });

  it('A1111 text in XMP dc:description (rdf:Alt, newlines as character references)', async () => {
    const escaped = A1111.replace(/\n/g, '&#xA;');
    const packet = b.xmpPacket(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escaped}</rdf:li></rdf:Alt></dc:description>`, 'xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(await signal(b.webp(b.riffChunk('XMP ', new TextEncoder().encode(packet))), 'generator-parameters')).toMatchObject({ source: 'XMP', seed: '1234567', negativePrompt: 'blurry, lowres' });
  });

  it('A1111 text in a JPEG comment', async () => {
    expect((await readProvenance(b.jpeg(b.jpegComment(A1111)))).declared).toBe('ai');
  });
});

describe('IPTC DigitalSourceType in XMP', () => {
  const attr = (code: string, prefix = 'Iptc4xmpExt') => b.xmpPacket('', `xmlns:${prefix}="${b.IPTC_NS}" ${prefix}:DigitalSourceType="${b.DST}${code}"`);
  const element = (code: string) => b.xmpPacket(`<Iptc4xmpExt:DigitalSourceType>${b.DST}${code}</Iptc4xmpExt:DigitalSourceType>`, `xmlns:Iptc4xmpExt="${b.IPTC_NS}"`);

  it.each([
    ['JPEG APP1, attribute', b.jpeg(b.jpegXmp(attr('trainedAlgorithmicMedia')))],
    ['JPEG APP1, element', b.jpeg(b.jpegXmp(element('compositeWithTrainedAlgorithmicMedia')))],
    ['JPEG APP1, another prefix', b.jpeg(b.jpegXmp(attr('algorithmicMedia', 'iptcExt')))],
    ['PNG iTXt XML:com.adobe.xmp', b.png(b.iTXt('XML:com.adobe.xmp', attr('trainedAlgorithmicMedia')))],
    ['WebP XMP chunk', b.webp(b.riffChunk('XMP ', new TextEncoder().encode(attr('trainedAlgorithmicMedia'))))],
  ])('%s: declared "ai", shown as unsigned', async (_, file) => {
    const p = await readProvenance(file);
    expect(p.declared).toBe('ai');
    expect(p.signals.find((s) => s.kind === 'iptc')).toMatchObject({ ai: true, signed: false });
  });

  it('digitalCapture in XMP is shown but does not make an image "camera" (unsigned)', async () => {
    const p = await readProvenance(b.jpeg(b.jpegXmp(attr('digitalCapture'))));
    expect(p.declared).toBeNull();
    expect(p.signals.find((s) => s.kind === 'iptc')).toMatchObject({ code: 'digitalCapture', ai: false });
  });
});

describe('EXIF alone', () => {
  it('camera make/model/time is shown but never makes an image "camera"', async () => {
    const t = b.tiff([{ tag: 0x010f, ascii: 'NIKON' }, { tag: 0x0110, ascii: 'D750' }], [{ tag: 0x9003, ascii: '2020:01:02 03:04:05' }]);
    for (const file of [b.jpeg(b.jpegExif(t)), b.png(b.pngChunk('eXIf', t)), b.webp(b.riffChunk('EXIF', t))]) {
      const p = await readProvenance(file);
      expect(p.declared).toBeNull();
      expect(p.signals.find((s) => s.kind === 'exif')).toMatchObject({ make: 'NIKON', model: 'D750', dateTimeOriginal: '2020:01:02 03:04:05' });
    }
  });
});

describe('markers outside valid structures do not count', () => {
  const dstText = `Iptc4xmpExt:DigitalSourceType="${b.DST}trainedAlgorithmicMedia"`;

  it('a caption that mentions OpenAI or a generator is not generator evidence', async () => {
    const p = await readProvenance(b.png(b.tEXt('Description', 'Made with OpenAI DALL-E 3 and Midjourney, Steps to reproduce: none'), b.tEXt('Software', 'Stable Diffusion')));
    expect(p.declared).toBeNull();
    expect(await kinds(b.jpeg(b.jpegComment('Photo by Jane, edited with Adobe Firefly? No. trainedAlgorithmicMedia c2pa')))).toEqual(['c2pa']);
  });

  it('bytes appended after JPEG EOI or PNG IEND are ignored', async () => {
    const jpegTail = b.bytes(b.jpeg(), b.jpegXmp(b.xmpPacket('', `xmlns:Iptc4xmpExt="${b.IPTC_NS}" ${dstText}`)), b.jpegComment(A1111));
    expect((await readProvenance(jpegTail)).declared).toBeNull();
    const pngTail = b.bytes(b.png(), b.tEXt('parameters', A1111), b.iTXt('XML:com.adobe.xmp', b.xmpPacket('', `xmlns:Iptc4xmpExt="${b.IPTC_NS}" ${dstText}`)));
    expect((await readProvenance(pngTail)).declared).toBeNull();
  });

  it('a PNG text chunk with a bad CRC is ignored and reported', async () => {
    const p = await readProvenance(b.png(b.pngChunk('tEXt', b.bytes('parameters', [0], A1111), { badCrc: true })));
    expect(p.declared).toBeNull();
    expect(p.problems.join()).toMatch(/bad CRC/);
  });

  it('a DigitalSourceType outside an XMP packet (no rdf:RDF) or in an unrelated namespace is ignored', async () => {
    expect((await readProvenance(b.jpeg(b.jpegXmp(`<x:xmpmeta ${dstText}/>`)))).declared).toBeNull();
    const wrongNs = b.xmpPacket('', `xmlns:Iptc4xmpExt="http://example.com/not-iptc/" ${dstText}`);
    expect((await readProvenance(b.jpeg(b.jpegXmp(wrongNs)))).declared).toBeNull();
  });

  it.skipIf(!hasShared)(needsShared('a C2PA JUMBF box appended after the image end is not read'), async () => {
    const original = new Uint8Array(readFileSync(join(b.provenanceFixturesDir, 'c2pa/c2pa-rs-ocsp.jpg')));
    const p = await readProvenance(b.bytes(b.jpeg(), original.subarray(2)));
    expect(p.declared).toBeNull();
    expect(p.signals.find((s) => s.kind === 'c2pa')).toMatchObject({ present: false });
  });
});

describe('tampered, truncated and malformed containers', () => {
  // Edits of an original signed C2PA file from the shared data (those tests skip without it).
  const ca = hasShared ? new Uint8Array(readFileSync(join(b.provenanceFixturesDir, 'c2pa/adobe-20220124-CA.jpg'))) : new Uint8Array(0);

  it.skipIf(!hasShared)(needsShared('one flipped pixel byte breaks the hard binding: shown, and not "camera"'), async () => {
    const changed = ca.slice();
    changed[changed.length - 100]! ^= 0xff;
    const s = (await readProvenance(changed)).signals.find((x) => x.kind === 'c2pa')!;
    expect(s.signature).toMatchObject({ valid: true });
    expect(s.integrityProblems).toEqual([expect.stringMatching(/data hash mismatch/)]);
  });

  it.skipIf(!hasShared)(needsShared('after a pixel edit a signed AI declaration still counts, a signed camera capture no longer does'), async () => {
    const edit = (name: string): Uint8Array => {
      const f = new Uint8Array(readFileSync(join(b.provenanceFixturesDir, name)));
      f[f.length - 100]! ^= 0xff;
      return f;
    };
    const firefly = await readProvenance(edit('c2pa/c2pa-rs-ocsp.jpg'));
    expect(firefly.declared).toBe('ai');
    expect(firefly.signals[0]!.integrityProblems).toEqual([expect.stringMatching(/data hash mismatch/)]);
    expect((await readProvenance(edit('c2pa/truepic-20230212-camera.jpg'))).declared).toBeNull();
  });

  it.skipIf(!hasShared)(needsShared('a JUMBF box whose length runs past its parent gives a malformed C2PA signal'), async () => {
    const broken = ca.slice();
    const at = findAscii(broken, 'jumd') - 4; // the store's description box length
    broken.set([0x7f, 0xff, 0xff, 0xff], at);
    const s = (await readProvenance(broken)).signals.find((x) => x.kind === 'c2pa')!;
    expect(s).toMatchObject({ present: true });
    expect(s.summary).toMatch(/malformed/);
  });

  it.skipIf(!hasShared)(needsShared('a file truncated anywhere never reads as an intact manifest'), async () => {
    for (let cut = 0; cut < ca.length; cut += 997) {
      const p = await readProvenance(ca.subarray(0, cut));
      const s = p.signals.find((x) => x.kind === 'c2pa')!;
      const intact = (s.signature as { valid: boolean } | undefined)?.valid === true && (s.integrityProblems as string[]).length === 0;
      expect(intact, `cut at ${cut}`).toBe(false);
    }
  });

  it('empty, tiny and non-image inputs give no evidence', async () => {
    for (const file of [new Uint8Array(0), Uint8Array.of(0xff, 0xd8), b.bytes('\x89PNG\r\n\x1a\n'), b.bytes('RIFF'), b.bytes('GIF89a')]) {
      const p = await readProvenance(file);
      expect(p.declared).toBeNull();
    }
  });

  it('a zTXt that does not inflate is reported, not thrown', async () => {
    const p = await readProvenance(b.png(b.pngChunk('zTXt', b.bytes('parameters', [0, 0], [1, 2, 3, 4, 5]))));
    expect(p.declared).toBeNull();
    expect(p.problems.join()).toMatch(/does not inflate/);
  });
});

function findAscii(hay: Uint8Array, needle: string): number {
  const n = Array.from(needle, (c) => c.charCodeAt(0));
  for (let i = 0; i < hay.length - n.length; i++) if (n.every((x, j) => hay[i + j] === x)) return i;
  return -1;
}
