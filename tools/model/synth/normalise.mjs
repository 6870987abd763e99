// Brings every generated image to the shared dataset's form (its README): auto-orient, metadata
// stripped, sRGB, alpha flattened on white, longer side <= 512 then JPEG q92, then longer side <= 320
// then JPEG q86. Same chain as the shared images, so file format, size and metadata never tell the
// synthetic rows apart from the rest or one class from the other.
import sharp from 'sharp';

// The machine has 2 shared cores; one libvips thread per call, no cache between calls.
sharp.concurrency(1);
sharp.cache(false);

async function pass(input, maxSide, quality) {
  return sharp(input)
    .rotate()
    .toColourspace('srgb')
    .flatten({ background: '#ffffff' })
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality })
    .toBuffer();
}

/** The normalised JPEG bytes with their size. */
export async function normalise(input) {
  const data = await pass(await pass(input, 512, 92), 320, 86);
  const { width, height } = await sharp(data).metadata();
  return { data, width, height };
}

/** Width, height and format of the rendered original (for orig_* columns). */
export async function describe(input) {
  const { width, height, format } = await sharp(input).metadata();
  return { width, height, format: format.toUpperCase() };
}
