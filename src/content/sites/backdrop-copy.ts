// Background copies of a picture: new Reddit draws every post image and gallery slide twice, a blurred,
// enlarged `role="presentation"` copy filling the frame behind the real one (issue 11: each was checked
// and badged too, a wasted model run and a second badge). Other sites do the same for letterboxed
// media. A copy is an image that is marked decorative or drawn blurred, AND shows the same picture as a
// non-decorative image next to it; an image that is merely decorative, with no twin, is left to the
// other rules (the only copy of a picture is never dropped here).

/** How many ancestors up to look for the twin (Reddit: img > a > li, img > a > div > a > img). */
const MAX_LEVELS = 4;

/** Host and path of each URL an image may show (src, srcset candidates, currentSrc); queries differ by size. */
function pictures(img: HTMLImageElement): Set<string> {
  const urls = [img.currentSrc, img.getAttribute('src') ?? '', ...(img.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')];
  const out = new Set<string>();
  for (const u of urls) {
    if (!u) continue;
    try {
      const url = new URL(u, img.baseURI);
      out.add(url.host + url.pathname);
    } catch {
      // Not a URL: it names no picture.
    }
  }
  return out;
}

function sharePicture(a: Set<string>, b: Set<string>): boolean {
  for (const p of a) if (b.has(p)) return true;
  return false;
}

/** Marked as decoration for assistive tech, or blurred (read last: it needs the computed style). */
function looksLikeBackdrop(img: HTMLImageElement): boolean {
  const role = img.getAttribute('role');
  if (role === 'presentation' || role === 'none' || img.closest('[aria-hidden="true"]')) return true;
  return /blur\(/.test(getComputedStyle(img).filter);
}

/** Whether `img` is a decorative or blurred copy of a picture that another image nearby shows for real. */
export function isBackdropCopy(img: HTMLImageElement): boolean {
  let mine: Set<string> | undefined;
  let el = img.parentElement;
  for (let level = 0; el && level < MAX_LEVELS; level++, el = el.parentElement) {
    const others = [...el.getElementsByTagName('img')].filter((o) => o !== img);
    if (others.length === 0) continue;
    mine ??= pictures(img);
    const twins = others.filter((o) => sharePicture(mine!, pictures(o)));
    // The nearest twin decides (an avatar or icon closer by is no twin).
    if (twins.length > 0) return looksLikeBackdrop(img) && twins.some((t) => !looksLikeBackdrop(t));
  }
  return false;
}
