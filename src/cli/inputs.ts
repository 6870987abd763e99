// Turns the command line's INPUTs into a stream of things to check: files, files found in folders
// (recursively, in a stable sorted order), and URLs. Paths that do not exist, and folders without a
// single image, are reported as failed inputs, not fatal: the other inputs are still checked.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export type InputItem = { kind: 'file' | 'url'; input: string } | { kind: 'unusable'; input: string; error: string };

/** Extensions picked up inside folders; a file named explicitly is always tried, whatever its name. */
export const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.tif', '.tiff']);

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

async function* walk(dir: string): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // unreadable sub-folder: nothing to check there
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    // Symbolic links to folders are not followed (no cycles); links to files are.
    if (e.isDirectory()) yield* walk(path);
    else if (IMAGE_EXTENSIONS.has(extname(e.name).toLowerCase()) && (e.isFile() || e.isSymbolicLink())) yield path;
  }
}

export async function* expandInputs(inputs: string[]): AsyncGenerator<InputItem> {
  for (const input of inputs) {
    if (isUrl(input)) {
      yield { kind: 'url', input };
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      yield { kind: 'unusable', input, error: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code})` };
      continue;
    }
    if (!isDir) {
      yield { kind: 'file', input };
      continue;
    }
    let found = 0;
    for await (const file of walk(input)) {
      found++;
      yield { kind: 'file', input: file };
    }
    // A typo'd or wrong folder would otherwise end in silence with exit 0.
    if (found === 0) yield { kind: 'unusable', input, error: `no images in this folder (looked for ${[...IMAGE_EXTENSIONS].join(' ')} files, in sub-folders too)` };
  }
}
