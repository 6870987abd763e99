// Provenance evidence read from an image's bytes: C2PA Content Credentials, IPTC/XMP
// DigitalSourceType, generator parameters and EXIF. Runs on the bytes already fetched for the
// model (offscreen document and CLI alike): it downloads nothing, including remote manifests.
// The trust anchors (C2PA Trust List, TSA list, the user's anchors) arrive with each call; without a
// list no signer can be "trusted". It never throws: a malformed structure yields no signal or a
// signal saying what was wrong.

import type { Provenance, ProvenanceSignal } from '../verdict';
import { latin1 } from './bytes';
import { noC2pa, readC2pa } from './c2pa';
import { splitContainer, type ContainerMetadata, type TextRecord } from './containers/index';
import { declaredFrom } from './declared';
import { readExif, type ExifFacts } from './exif';
import { a1111, generatorSignal, recogniseGenerator } from './generator-params';
import { inflate } from './inflate';
import { truncate } from './text';
import { trustStore, type TrustConfig } from './trust/trust-list';
import { iptcSignal, readXmp, type XmpFacts } from './xmp';

export type { C2paSignal, C2paAiAssertion } from './c2pa';
export type { TrustConfig, TrustListText } from './trust/trust-list';
export { trustGeneration } from './trust/trust-list';
export type { ValidationStatus } from './status';

export interface ReadOptions {
  /** Trust anchors for C2PA signers; absent: no list, so nothing is "trusted". */
  trust?: TrustConfig;
}

/** Provenance plus what was malformed in the container, in words. */
export type ProvenanceReading = Provenance & { problems: string[] };

const MAX_INFLATED_RECORDS = 64;
const XMP_PNG_KEYWORD = 'XML:com.adobe.xmp';
const MAX_PROBLEMS = 20;

export async function readProvenance(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ProvenanceReading> {
  try {
    return await read(bytes, opts);
  } catch (e) {
    // Every parser bounds its own input; this is the last line, so a bug cannot break a check.
    return { declared: null, signals: [], problems: [`provenance reader failed: ${(e as Error)?.message ?? String(e)}`] };
  }
}

async function read(bytes: Uint8Array, opts: ReadOptions): Promise<ProvenanceReading> {
  const meta = splitContainer(bytes);
  const problems = [...meta.problems];
  const texts = await inflateTexts(meta.texts, problems);
  // PNG carries XMP as an iTXt record (possibly compressed), so it is known only after inflating.
  const xmpPackets = [...meta.xmp, ...texts.filter((t) => t.keyword === XMP_PNG_KEYWORD).map((t) => t.text ?? '')];
  const xmp = xmpPackets.map(readXmp);
  const exif = meta.exif.map(readExif);
  const signals: ProvenanceSignal[] = [];

  signals.push(meta.jumbf ? await readC2pa(meta.jumbf, bytes, trustStore(opts.trust)) : remoteOrNone(xmp));
  const iptc = xmp.map((x) => iptcSignal(x, `XMP (${meta.format.toUpperCase()})`)).find((s) => s);
  if (iptc) signals.push(iptc);
  const params = generatorFrom(texts, exif, xmp);
  if (params) signals.push(params);
  const camera = exifSignal(exif, meta);
  if (camera) signals.push(camera);
  // A crafted file can hold thousands of broken chunks; a few explain it.
  return { declared: declaredFrom(signals), signals, problems: problems.slice(0, MAX_PROBLEMS) };
}

async function inflateTexts(records: TextRecord[], problems: string[]): Promise<TextRecord[]> {
  const out: TextRecord[] = [];
  let inflated = 0;
  for (const r of records) {
    if (r.text !== undefined) {
      out.push(r);
      continue;
    }
    if (!r.deflated || ++inflated > MAX_INFLATED_RECORDS) continue;
    const raw = await inflate(r.deflated);
    if (!raw) {
      problems.push(`${r.source} "${r.keyword}" does not inflate`);
      continue;
    }
    out.push({ ...r, text: r.utf8 ? new TextDecoder().decode(raw) : latin1(raw) });
  }
  return out;
}

function remoteOrNone(xmp: XmpFacts[]): ProvenanceSignal {
  const remote = xmp.find((x) => x.remoteManifest)?.remoteManifest;
  if (!remote) return noC2pa();
  // "self#jumbf=..." points into the file itself: the manifest was there once and has been stripped.
  if (remote.startsWith('self#')) return { ...noC2pa(), summary: 'XMP refers to an embedded C2PA manifest that is no longer in the file', strippedManifest: remote };
  return { ...noC2pa(), summary: `C2PA manifest stored remotely at ${truncate(remote, 80)} (not fetched)`, remoteManifest: remote };
}

function generatorFrom(texts: TextRecord[], exif: ExifFacts[], xmp: XmpFacts[]): ProvenanceSignal | undefined {
  const map = new Map<string, string>();
  for (const t of texts) if (t.text !== undefined && t.keyword !== 'comment' && !map.has(t.keyword)) map.set(t.keyword, t.text);
  const fromChunks = recogniseGenerator(map);
  if (fromChunks) {
    const keys = [...map.keys()].filter((k) => ['parameters', 'prompt', 'workflow', 'Comment', 'Software', 'invokeai_metadata', 'sd-metadata', 'fooocus_scheme'].includes(k));
    return generatorSignal(fromChunks, `${texts[0]?.source ?? 'PNG text'} ${keys.join(', ')}`);
  }
  // JPEG/WebP from A1111-style tools keep the same text in EXIF UserComment, a JPEG comment or XMP.
  for (const e of exif) {
    const p = a1111(e.userComment);
    if (p) return generatorSignal(p, 'EXIF UserComment');
  }
  for (const t of texts) {
    const p = t.keyword === 'comment' ? a1111(t.text) : undefined;
    if (p) return generatorSignal(p, t.source);
  }
  for (const text of xmp.flatMap((x) => x.freeText)) {
    const p = a1111(text);
    if (p) return generatorSignal(p, 'XMP');
  }
  return undefined;
}

function exifSignal(all: ExifFacts[], meta: ContainerMetadata): ProvenanceSignal | undefined {
  const e = Object.assign({}, ...all) as ExifFacts;
  if (!e.make && !e.model && !e.software && !e.dateTimeOriginal) return undefined;
  const camera = [e.make, e.model && e.make && e.model.startsWith(e.make) ? e.model.slice(e.make.length).trim() : e.model].filter(Boolean).join(' ');
  const parts = [camera && `camera ${truncate(camera, 60)}`, e.dateTimeOriginal && `taken ${e.dateTimeOriginal}`, e.software && `software ${truncate(e.software, 40)}`].filter(Boolean);
  return {
    kind: 'exif',
    summary: `EXIF: ${parts.join(', ')} (unsigned; not proof of a camera)`,
    source: `EXIF (${meta.format.toUpperCase()})`,
    ...(e.make ? { make: truncate(e.make, 60) } : {}),
    ...(e.model ? { model: truncate(e.model, 60) } : {}),
    ...(e.software ? { software: truncate(e.software, 60) } : {}),
    ...(e.dateTimeOriginal ? { dateTimeOriginal: e.dateTimeOriginal } : {}),
  };
}
