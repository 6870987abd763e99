// JUMBF (ISO/IEC 19566-5) box walker. A superbox ('jumb') starts with a description box ('jumd')
// naming its content type (a UUID) and label; content boxes ('cbor', 'json', ...) follow.
// C2PA manifest stores are JUMBF trees: store > manifests > {assertions, claim, signature}.

import { hex, indexOfByte, latin1, u32be, u64be, utf8 } from './bytes';

export interface JumbfContent {
  type: string;
  data: Uint8Array;
}

export interface JumbfSuperbox {
  /** Content type UUID as hex: C2PA ones begin with the four-character code ("c2pa", "c2cl", ...). */
  typeUuid: string;
  label: string;
  children: JumbfSuperbox[];
  contents: JumbfContent[];
  /** The superbox's bytes without its LBox/TBox header: what C2PA hashed URIs hash. */
  body: Uint8Array;
}

export class JumbfError extends Error {}

const MAX_DEPTH = 16;
const MAX_BOXES = 100_000;

interface RawBox {
  type: string;
  body: Uint8Array;
}

/** Parses one superbox occupying all of `b` (LBox may be 0: "to the end"). */
export function parseJumbf(b: Uint8Array): JumbfSuperbox {
  const budget = { boxes: 0 };
  const boxes = splitBoxes(b, budget);
  const top = boxes[0];
  if (!top || top.type !== 'jumb') throw new JumbfError('JUMBF does not start with a superbox');
  return superbox(top.body, 0, budget);
}

function splitBoxes(b: Uint8Array, budget: { boxes: number }): RawBox[] {
  const out: RawBox[] = [];
  let at = 0;
  while (at < b.length) {
    if (++budget.boxes > MAX_BOXES) throw new JumbfError('JUMBF has too many boxes');
    let size = u32be(b, at);
    if (size === undefined || at + 8 > b.length) throw new JumbfError('JUMBF box header is truncated');
    const type = latin1(b, at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      size = u64be(b, at + 8);
      header = 16;
      if (size === undefined) throw new JumbfError('JUMBF box size is out of range');
    } else if (size === 0) {
      size = b.length - at;
    }
    if (size < header || at + size > b.length) throw new JumbfError(`JUMBF box '${type}' runs past its parent`);
    out.push({ type, body: b.subarray(at + header, at + size) });
    at += size;
  }
  return out;
}

function superbox(body: Uint8Array, depth: number, budget: { boxes: number }): JumbfSuperbox {
  if (depth > MAX_DEPTH) throw new JumbfError('JUMBF nested too deeply');
  const boxes = splitBoxes(body, budget);
  const desc = boxes[0];
  if (!desc || desc.type !== 'jumd' || desc.body.length < 17) throw new JumbfError('JUMBF superbox lacks its description box');
  const result: JumbfSuperbox = {
    typeUuid: hex(desc.body.subarray(0, 16)),
    label: descriptionLabel(desc.body),
    children: [],
    contents: [],
    body,
  };
  for (const box of boxes.slice(1)) {
    if (box.type === 'jumb') result.children.push(superbox(box.body, depth + 1, budget));
    else result.contents.push({ type: box.type, data: box.body });
  }
  return result;
}

/** Description box: type UUID (16), toggles (1), label (NUL-terminated UTF-8, when toggle bit 2). */
function descriptionLabel(d: Uint8Array): string {
  const toggles = d[16]!;
  if (!(toggles & 0x02)) return '';
  const end = indexOfByte(d, 0, 17);
  return utf8(d.subarray(17, end < 0 ? d.length : end));
}

/** The four-character code a C2PA content type UUID starts with ("c2ma", "c2cl", "c2cs", ...). */
export function c2paType(box: JumbfSuperbox): string {
  return latin1(
    Uint8Array.from(box.typeUuid.slice(0, 8).match(/../g) ?? [], (h) => parseInt(h, 16)),
  );
}

export function childByLabel(box: JumbfSuperbox, label: string): JumbfSuperbox | undefined {
  return box.children.find((c) => c.label === label);
}
