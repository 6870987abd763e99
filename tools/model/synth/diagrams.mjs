// Diagram templates (kind "diagram", labelled real): flowcharts, boxes and arrows, org charts and
// network diagrams, drawn as inline SVG in several styles (pastel fills, outlines, dark, grid paper).
import { FONTS, theme } from './theme.mjs';
import { escapeHtml as esc, personName, pickLang, title, words } from './text.mjs';

function style(g) {
  const t = theme(g, g.chance(0.2));
  const hue = g.int(0, 359);
  const fill = g.pick(['pastel', 'outline', 'solid', 'mixed']);
  const fillOf = (i) => (fill === 'outline' ? t.bg : fill === 'solid' ? `hsl(${hue} 55% ${t.dark ? 35 : 45}%)` : `hsl(${fill === 'mixed' ? (hue + i * 57) % 360 : hue} 70% ${t.dark ? 25 : 88}%)`);
  const textOn = fill === 'solid' ? '#fff' : t.fg;
  return { t, fillOf, textOn, stroke: t.dark ? '#ccc' : g.pick(['#333', '#555', `hsl(${hue} 50% 35%)`]), sw: g.pick([1, 1.5, 2, 2.5]), r: g.pick([0, 4, 8, 14]), font: g.pick(FONTS), fs: g.int(12, 17), grid: g.chance(0.2) };
}

function svgPage(s, width, height, body) {
  const grid = s.grid ? `<defs><pattern id="gr" width="20" height="20" patternUnits="userSpaceOnUse"><path d="M20 0H0V20" fill="none" stroke="${s.t.dark ? '#333' : '#dde4ee'}"/></pattern></defs><rect width="100%" height="100%" fill="url(#gr)"/>` : '';
  const marker = `<defs><marker id="ar" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${s.stroke}"/></marker></defs>`;
  return { width, height, dsf: 1, html: `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:${s.t.bg};overflow:hidden}</style></head><body><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family='${s.font}' font-size="${s.fs}">${grid}${marker}${body}</svg></body></html>` };
}

const box = (s, x, y, w, h, label, i = 0, shape = 'rect') => {
  const common = `fill="${s.fillOf(i)}" stroke="${s.stroke}" stroke-width="${s.sw}"`;
  const el = shape === 'diamond' ? `<path d="M${x + w / 2} ${y}L${x + w} ${y + h / 2}L${x + w / 2} ${y + h}L${x} ${y + h / 2}Z" ${common}/>`
    : shape === 'oval' ? `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h / 2}" ${common}/>`
      : `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${s.r}" ${common}/>`;
  return `${el}<text x="${x + w / 2}" y="${y + h / 2}" fill="${s.textOn}" text-anchor="middle" dominant-baseline="central">${esc(label)}</text>`;
};

/** A box width that holds the longest label (DejaVu averages ~0.62 em per character). */
const fitWidth = (s, labels, min) => Math.max(min, ...labels.map((l) => Math.ceil(l.length * s.fs * 0.62) + 24));

const arrow = (s, x1, y1, x2, y2, label = '') => `<path d="M${x1} ${y1}L${x2} ${y2}" stroke="${s.stroke}" stroke-width="${s.sw}" fill="none" marker-end="url(#ar)"/>${label ? `<text x="${(x1 + x2) / 2 + 6}" y="${(y1 + y2) / 2 - 4}" fill="${s.t.muted}" font-size="${s.fs - 2}">${esc(label)}</text>` : ''}`;

function flowchart(g) {
  const s = style(g), lang = pickLang(g);
  const n = g.int(4, 8), h = g.int(44, 60), gap = g.int(30, 50), x = 40;
  const steps = Array.from({ length: n }, (_, i) => ({
    shape: i === 0 || i === n - 1 ? 'oval' : g.chance(0.3) ? 'diamond' : 'rect',
    label: i === 0 ? g.pick(['Start', 'Begin', 'Старт']) : i === n - 1 ? g.pick(['End', 'Done', 'Ende']) : title(g, lang, 1, 3),
    side: title(g, lang, 1, 3),
  }));
  const w = fitWidth(s, steps.map((st) => st.label + (st.shape === 'diamond' ? '      ' : '')), g.int(150, 220));
  const sw = fitWidth(s, steps.filter((st) => st.shape === 'diamond').map((st) => st.side), 120);
  const width = x + w + (steps.some((st) => st.shape === 'diamond') ? 80 + sw : 0) + 40, height = n * (h + gap) + 40;
  let body = '';
  steps.forEach((st, i) => {
    const y = 20 + i * (h + gap);
    body += box(s, x, y, w, h, st.label, i, st.shape);
    if (i < n - 1) body += arrow(s, x + w / 2, y + h, x + w / 2, y + h + gap, st.shape === 'diamond' ? g.pick(['yes', 'ja', 'да']) : '');
    if (st.shape === 'diamond') {
      body += arrow(s, x + w, y + h / 2, x + w + 80, y + h / 2, g.pick(['no', 'nein', 'нет']));
      body += box(s, x + w + 80, y + 4, sw, h - 8, st.side, i + 3);
    }
  });
  return svgPage(s, width, height, body);
}

function boxes(g) {
  const s = style(g), lang = pickLang(g);
  const cols = g.int(2, 4), rows = g.int(2, 4), labels = Array.from({ length: cols * rows }, () => (g.chance(0.5) ? title(g, 'en', 1, 2) : title(g, lang, 1, 2)));
  const w = fitWidth(s, labels, g.int(130, 180)), h = g.int(50, 70), gx = g.int(60, 110), gy = g.int(50, 90);
  const width = cols * (w + gx) + 60, height = rows * (h + gy) + 60;
  const pos = [];
  let body = '';
  if (g.chance(0.5)) body += `<rect x="20" y="20" width="${(w + gx) * Math.ceil(cols / 2) - gx / 2}" height="${height - 40}" fill="none" stroke="${s.t.muted}" stroke-dasharray="6 4" rx="8"/><text x="30" y="38" fill="${s.t.muted}">${esc(title(g, lang, 1, 2))}</text>`;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (g.chance(0.85)) pos.push([50 + c * (w + gx), 50 + r * (h + gy)]);
  const edges = [];
  for (let i = 1; i < pos.length; i++) edges.push([g.int(0, i - 1), i]);
  for (const [a, b] of edges) {
    const [ax, ay] = pos[a], [bx, by] = pos[b];
    const horiz = Math.abs(ax - bx) > Math.abs(ay - by);
    body += horiz ? arrow(s, ax + (bx > ax ? w : 0), ay + h / 2, bx + (bx > ax ? 0 : w), by + h / 2, g.chance(0.3) ? words(g, 'en', 1) : '')
      : arrow(s, ax + w / 2, ay + (by > ay ? h : 0), bx + w / 2, by + (by > ay ? 0 : h), g.chance(0.3) ? words(g, 'en', 1) : '');
  }
  pos.forEach(([x, y], i) => { body += box(s, x, y, w, h, labels[i], i); });
  return svgPage(s, width, height, body);
}

function orgChart(g) {
  const s = style(g);
  const w = fitWidth(s, ['Sofia Kowalski'], g.int(120, 160)), h = g.int(46, 60), gx = 24, gy = 50;
  const kids = Array.from({ length: g.int(2, 5) }, () => g.int(0, 3));
  const leaves = kids.reduce((a, k) => a + Math.max(1, k), 0);
  const width = leaves * (w + gx) + 40, height = 3 * (h + gy) + 40;
  const label = () => `${personName(g)}`;
  let body = '', x0 = 20;
  const rootX = width / 2 - w / 2;
  body += box(s, rootX, 20, w, h, label(), 0);
  kids.forEach((k, i) => {
    const span = Math.max(1, k) * (w + gx);
    const cx = x0 + span / 2 - w / 2, cy = 20 + h + gy;
    body += `<path d="M${width / 2} ${20 + h}V${20 + h + gy / 2}H${cx + w / 2}V${cy}" fill="none" stroke="${s.stroke}" stroke-width="${s.sw}"/>`;
    body += box(s, cx, cy, w, h, label(), i + 1);
    for (let j = 0; j < k; j++) {
      const lx = x0 + j * (w + gx), ly = cy + h + gy;
      body += `<path d="M${cx + w / 2} ${cy + h}V${cy + h + gy / 2}H${lx + w / 2}V${ly}" fill="none" stroke="${s.stroke}" stroke-width="${s.sw}"/>`;
      body += box(s, lx, ly, w, h, g.chance(0.5) ? label() : title(g, 'en', 1, 2), i + 1);
    }
    x0 += span;
  });
  return svgPage(s, width, height, body);
}

function network(g) {
  const s = style(g);
  const n = g.int(5, 14), width = g.int(700, 1100), height = g.int(480, 760);
  const pts = [];
  const circle = g.chance(0.4);
  for (let i = 0; i < n; i++) {
    if (circle) { const a = (i / n) * 2 * Math.PI; pts.push([width / 2 + Math.cos(a) * (width / 2 - 110), height / 2 + Math.sin(a) * (height / 2 - 70)]); }
    else pts.push([g.int(90, width - 90), g.int(60, height - 60)]);
  }
  let body = '';
  for (let i = 1; i < n; i++) {
    const j = circle ? (g.chance(0.6) ? 0 : i - 1) : g.int(0, i - 1);
    body += `<line x1="${pts[i][0]}" y1="${pts[i][1]}" x2="${pts[j][0]}" y2="${pts[j][1]}" stroke="${s.stroke}" stroke-width="${s.sw}"${g.chance(0.2) ? ' stroke-dasharray="5 4"' : ''}/>`;
  }
  pts.forEach(([x, y], i) => {
    const kind = g.pick(['router', 'server', 'pc', 'cloud']);
    const shape = kind === 'router' ? `<circle cx="${x}" cy="${y}" r="22" fill="${s.fillOf(1)}" stroke="${s.stroke}" stroke-width="${s.sw}"/>`
      : kind === 'cloud' ? `<ellipse cx="${x}" cy="${y}" rx="40" ry="22" fill="${s.fillOf(2)}" stroke="${s.stroke}" stroke-width="${s.sw}"/>`
        : `<rect x="${x - 24}" y="${y - 18}" width="48" height="36" rx="3" fill="${s.fillOf(kind === 'pc' ? 3 : 4)}" stroke="${s.stroke}" stroke-width="${s.sw}"/>`;
    body += `${shape}<text x="${x}" y="${y + 40}" text-anchor="middle" fill="${s.t.fg}">${esc(g.chance(0.5) ? `${kind}-${i}` : words(g, 'en', 1))}</text><text x="${x}" y="${y + 40 + s.fs}" text-anchor="middle" fill="${s.t.muted}" font-size="${s.fs - 3}">10.${g.int(0, 255)}.${g.int(0, 255)}.${g.int(1, 254)}</text>`;
  });
  return svgPage(s, width, height, body);
}

export const DIAGRAMS = { flowchart, boxes, orgChart, network };
