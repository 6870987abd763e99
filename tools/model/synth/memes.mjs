// Caption overlays on pictures of both classes (kind "meme", label = the picture's label): impact-style
// top/bottom text, a white caption band above the picture (tweet / "when you..." style), a black
// poster frame with a caption below, and a watermark or subtitle in a corner. The same styles go on
// AI and real pictures alike, so that text on an image never decides the class.
import { readFileSync } from 'node:fs';
import { escapeHtml as esc, handle, pickLang, sentence, words } from './text.mjs';

const OPENERS = ['when you', 'me when', 'nobody:', 'pov:', 'that moment when', 'my face when', 'how it started', 'they said', 'me explaining', 'when the', 'not me', 'this is fine', 'every time', 'me at 3am', 'when someone says'];
const SITES = ['imgflip.com', 'made with mematic', 'reddit.com/r/memes', '9gag.com', 'ifunny.co', 'memedroid', 'tiktok', 'instagram'];

const caption = (g) => (g.chance(0.75) ? `${g.pick(OPENERS)} ${words(g, 'en', g.int(2, 8))}` : sentence(g, pickLang(g), 3, 10));

const outline = (px) => `-webkit-text-stroke:${px}px #000;paint-order:stroke fill;text-shadow:0 0 ${px}px #000`;

function impact(g, img, w) {
  const fs = Math.round(w * g.num(0.07, 0.11));
  const text = (pos) => `<div style="position:absolute;${pos}:${Math.round(fs * 0.3)}px;left:4%;right:4%;text-align:center;color:#fff;font:bold ${fs}px/1.05 'DejaVu Sans Condensed',sans-serif;text-transform:uppercase;${outline(Math.max(2, Math.round(fs / 9)))}">${esc(caption(g))}</div>`;
  const both = g.r();
  return `<div style="position:relative;width:${w}px">${img}${both < 0.8 ? text('top') : ''}${both > 0.3 ? text('bottom') : ''}</div>`;
}

function band(g, img, w) {
  const fs = Math.round(w * g.num(0.04, 0.065));
  const font = g.pick(['"DejaVu Sans"', 'sans-serif', '"DejaVu Serif"']);
  const tweet = g.chance(0.4) ? `<div style="font:bold ${Math.round(fs * 0.8)}px sans-serif;margin-bottom:6px">${esc(handle(g))}</div>` : '';
  return `<div style="width:${w}px;background:#fff;color:#000"><div style="padding:${Math.round(fs * 0.6)}px ${Math.round(fs * 0.7)}px;font:${fs}px/1.3 ${font}">${tweet}${esc(caption(g))}</div>${img}</div>`;
}

function poster(g, img, w) {
  const pad = Math.round(w * 0.08);
  return [w + 2 * pad + 10, `<div style="width:${w + 10}px;background:#000;color:#fff;padding:${pad}px ${pad}px ${Math.round(pad / 2)}px;box-sizing:content-box;text-align:center;font-family:'DejaVu Serif',serif"><div style="border:2px solid #fff;padding:3px">${img}</div><div style="font-size:${Math.round(w * 0.08)}px;margin-top:${pad / 3}px;text-transform:uppercase;letter-spacing:2px">${esc(words(g, 'en', g.int(1, 2)))}</div><div style="font-size:${Math.round(w * 0.035)}px;margin:6px 0 4px">${esc(caption(g))}</div></div>`];
}

function corner(g, img, w) {
  const fs = Math.round(w * g.num(0.025, 0.045));
  const corner = g.pick(['top:6px;left:8px', 'top:6px;right:8px', 'bottom:6px;left:8px', 'bottom:6px;right:8px']);
  const mark = `<div style="position:absolute;${corner};color:rgba(255,255,255,${g.num(0.5, 0.9).toFixed(2)});font:${g.pick(['bold ', ''])}${fs}px sans-serif;text-shadow:0 0 3px rgba(0,0,0,.6)">${esc(g.chance(0.5) ? g.pick(SITES) : handle(g))}</div>`;
  const sub = g.chance(0.5) ? `<div style="position:absolute;bottom:8%;left:6%;right:6%;text-align:center;color:${g.pick(['#fff', '#ffeb3b'])};font:${Math.round(fs * 1.5)}px sans-serif;${outline(2)}">${esc(sentence(g, pickLang(g), 3, 9))}</div>` : '';
  return `<div style="position:relative;width:${w}px">${img}${sub}${mark}</div>`;
}

const STYLES = { impact, band, poster, corner };
export const MEME_STYLES = Object.keys(STYLES);

/** The page for one meme on the picture of `row` (a shared train row). */
export function meme(g, style, row) {
  const w = g.int(420, 640);
  const img = `<img src="data:image/jpeg;base64,${readFileSync(row.path).toString('base64')}" style="width:${w}px;display:block">`;
  const out = STYLES[style](g, img, w);
  const [width, body] = Array.isArray(out) ? out : [w, out];
  return { width, height: 100, dsf: 1, fullPage: true, html: `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}body{display:inline-block}</style></head><body>${body}</body></html>` };
}
