// Looks shared by the rendered templates: light and dark palettes with a seeded accent, the fonts the
// machine has (DejaVu families only: see text.mjs), and screen sizes from phones to wide desktops.

import { existsSync, readFileSync } from 'node:fs';

// STIX (a Times-like serif) ships with Debian's python3-matplotlib, which the charts need anyway;
// pages that pick it carry it inline as @font-face (a data: URL), other pages stay small.
const STIX_DIR = '/usr/share/matplotlib/mpl-data/fonts/ttf';
const STIX = { normal: 'STIXGeneral.ttf', bold: 'STIXGeneralBol.ttf', italic: 'STIXGeneralItalic.ttf' };
let stixCss = null;
function stixFaces() {
  if (stixCss) return stixCss;
  if (!existsSync(`${STIX_DIR}/${STIX.normal}`)) throw new Error(`synth: ${STIX_DIR}/${STIX.normal} is missing (apt-get install python3-matplotlib)`);
  const face = (file, weight, style) => `@font-face{font-family:"STIX Web";font-weight:${weight};font-style:${style};src:url(data:font/ttf;base64,${readFileSync(`${STIX_DIR}/${file}`).toString('base64')})}`;
  stixCss = face(STIX.normal, 'normal', 'normal') + face(STIX.bold, 'bold', 'normal') + face(STIX.italic, 'normal', 'italic');
  return stixCss;
}

export const FONTS = ['"DejaVu Sans"', '"DejaVu Serif"', '"DejaVu Sans Condensed"', '"DejaVu Serif Condensed"', 'sans-serif', 'system-ui', '"STIX Web", "DejaVu Serif"'];
export const MONO = '"DejaVu Sans Mono", monospace';

const LIGHT_BG = ['#ffffff', '#f7f7f8', '#fafafa', '#f5f3ef', '#eef1f5'];
const DARK_BG = ['#0d1117', '#15202b', '#000000', '#1e1e1e', '#202124', '#1a1b26'];

/** A palette: bg, fg, muted, card, border, accent, and dark (boolean). */
export function theme(g, dark = g.chance(0.4)) {
  const hue = g.int(0, 359);
  const accent = `hsl(${hue} ${g.int(55, 85)}% ${dark ? g.int(55, 65) : g.int(38, 50)}%)`;
  if (dark) {
    return { dark, bg: g.pick(DARK_BG), fg: g.pick(['#e6e6e6', '#f0f0f0', '#d7dae0']), muted: '#8b949e', card: g.pick(['#161b22', '#192734', '#121212', '#2a2b2e']), border: '#30363d', accent };
  }
  return { dark, bg: g.pick(LIGHT_BG), fg: g.pick(['#111111', '#1f2328', '#222222', '#333333']), muted: '#6b7280', card: '#ffffff', border: g.pick(['#d0d7de', '#e5e7eb', '#dddddd']), accent };
}

export const DESKTOP = [[1280, 800], [1366, 768], [1440, 900], [1920, 1080], [1024, 768], [1536, 864], [1600, 1000]];
export const PHONE = [[390, 844], [360, 780], [412, 915], [375, 667], [430, 932]];
export const TABLET = [[768, 1024], [820, 1180], [1024, 1366]];

/** A screen for a template: phone portrait (dsf 2-3), tablet or desktop (dsf 1-2). */
export function screen(g, { phone = 0.35, tablet = 0.1 } = {}) {
  const r = g.r();
  if (r < phone) { const [width, height] = g.pick(PHONE); return { width, height, dsf: g.pick([2, 3]), form: 'phone' }; }
  if (r < phone + tablet) { const [width, height] = g.pick(TABLET); return { width, height, dsf: 2, form: 'tablet' }; }
  const [width, height] = g.pick(DESKTOP);
  return { width, height, dsf: g.chance(0.25) ? 2 : 1, form: 'desktop' };
}

/** The document head for a page: font, size, colours, direction. */
export function page(t, { font, size = 15, dir = 'ltr', extra = '' }) {
  return `<!doctype html><html dir="${dir}"><head><meta charset="utf-8"><style>${font.includes('STIX') ? stixFaces() : ''}
html,body{margin:0;background:${t.bg};color:${t.fg};font-family:${font};font-size:${size}px;line-height:1.45;overflow:hidden}
a{color:${t.accent};text-decoration:none}
${extra}</style></head><body>`;
}

/** An avatar: a coloured circle with initials, or a photo when one is given. */
export function avatar(g, name, size, photoUrl) {
  if (photoUrl) return `<img src="${photoUrl}" style="width:${size}px;height:${size}px;border-radius:50%;object-fit:cover;flex:none">`;
  const initials = name.split(' ').map((s) => s[0]).join('').slice(0, 2);
  const bg = `hsl(${g.int(0, 359)} ${g.int(40, 70)}% ${g.int(40, 60)}%)`;
  return `<div style="width:${size}px;height:${size}px;border-radius:${g.chance(0.8) ? '50%' : '20%'};background:${bg};color:#fff;display:flex;align-items:center;justify-content:center;font-weight:bold;font-size:${Math.round(size * 0.4)}px;flex:none">${initials}</div>`;
}
