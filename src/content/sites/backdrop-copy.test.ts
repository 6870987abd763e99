// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isBackdropCopy } from './backdrop-copy';

const A = 'https://preview.redd.it/a-v0-abc.jpg';
const B = 'https://preview.redd.it/b-v0-def.jpg';

function page(html: string): HTMLImageElement[] {
  document.body.innerHTML = html;
  return [...document.querySelectorAll('img')];
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('isBackdropCopy', () => {
  it('drops the role=presentation copy behind a gallery slide, keeps the slide (same picture, other size)', () => {
    const [copy, real] = page(`<li><a><img role="presentation" src="${A}?width=640&s=1" srcset="${A}?width=320 320w">
      <figure><img alt="slide" src="${A}?width=1080&s=2"></figure></a></li>`);
    expect(isBackdropCopy(copy!)).toBe(true);
    expect(isBackdropCopy(real!)).toBe(false);
  });

  it('finds the twin a few levels up (image post: copy and image in sibling links), past an unrelated icon', () => {
    const [copy, icon, real] = page(`<div class="post"><div class="frame"><a><img aria-hidden="true" src="${A}?width=640"></a>
      <span><img src="https://styles.redditmedia.com/icon.png"></span><a><img alt="photo" src="${A}?width=640"></a></div></div>`);
    expect(isBackdropCopy(copy!)).toBe(true);
    expect(isBackdropCopy(icon!)).toBe(false);
    expect(isBackdropCopy(real!)).toBe(false);
  });

  it('drops a blurred copy that carries no decorative marker', () => {
    const [copy, real] = page(`<div><img style="filter: blur(24px)" src="${A}"><img src="${A}"></div>`);
    expect(isBackdropCopy(copy!)).toBe(true);
    expect(isBackdropCopy(real!)).toBe(false);
  });

  it('keeps the only copy of a picture, even when it is marked decorative', () => {
    const [alone, other] = page(`<div><img role="presentation" src="${A}"><img src="${B}"></div>`);
    expect(isBackdropCopy(alone!)).toBe(false);
    expect(isBackdropCopy(other!)).toBe(false);
  });

  it('keeps both when neither is marked as the copy (two posts showing one picture)', () => {
    const [first, second] = page(`<div><img src="${A}"><img src="${A}"></div>`);
    expect(isBackdropCopy(first!)).toBe(false);
    expect(isBackdropCopy(second!)).toBe(false);
  });
});
