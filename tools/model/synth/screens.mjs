// Screenshot templates (kind "screenshot", labelled real): web articles, documentation pages, social
// posts, chat apps, settings screens and code editors, light and dark, desktop to phone portrait.
// Each takes a seeded chooser g and the context ({photo}) and returns {html, width, height, dsf}.
import { avatar, FONTS, MONO, page, screen, theme } from './theme.mjs';
import { dirOf, escapeHtml as esc, handle, paragraph, personName, pickLang, sentence, title, words } from './text.mjs';

const navBar = (g, t, lang) => `<div style="display:flex;gap:22px;align-items:center;padding:12px 24px;border-bottom:1px solid ${t.border};background:${g.chance(0.3) ? t.accent + ';color:#fff' : t.card}">
<b style="font-size:20px">${esc(title(g, lang, 1, 2))}</b>${Array.from({ length: g.int(2, 6) }, () => `<span>${esc(words(g, lang, 1))}</span>`).join('')}
<span style="margin-inline-start:auto;border:1px solid ${t.border};border-radius:16px;padding:4px 14px;opacity:.7">⌕ ${esc(words(g, lang, 1))}</span></div>`;

function article(g, ctx) {
  const t = theme(g), lang = pickLang(g), s = screen(g);
  const photo = g.chance(0.6) && ctx.photo(g);
  const side = s.form === 'desktop' && g.chance(0.6);
  const body = `<div style="max-width:${g.int(620, 760)}px;${side ? '' : 'margin:0 auto;'}padding:20px">
<div style="color:${t.accent};text-transform:uppercase;font-size:12px;letter-spacing:1px">${esc(words(g, lang, 2))}</div>
<h1 style="font-size:${g.int(26, 40)}px;line-height:1.15;margin:8px 0">${esc(title(g, lang, 5, 12))}</h1>
<div style="color:${t.muted};font-size:13px">${esc(personName(g))} · ${g.int(1, 28)}.${g.int(1, 12)}.20${g.int(10, 24)} · ${g.int(2, 15)} min</div>
${photo ? `<img src="${photo}" style="width:100%;margin:14px 0;border-radius:${g.pick([0, 4, 10])}px">` : ''}
${Array.from({ length: g.int(3, 7) }, (_, i) => (i && g.chance(0.25) ? `<h2 style="font-size:21px">${esc(title(g, lang))}</h2>` : '') + `<p>${esc(paragraph(g, lang))}</p>`).join('')}</div>`;
  const aside = side ? `<div style="width:280px;padding:20px;border-inline-start:1px solid ${t.border}">${Array.from({ length: 5 }, () => `<p style="font-size:13px"><b>${esc(title(g, lang, 2, 5))}</b><br><span style="color:${t.muted}">${esc(sentence(g, lang))}</span></p>`).join('')}</div>` : '';
  return { ...s, html: page(t, { font: g.pick(FONTS), size: g.int(14, 18), dir: dirOf(lang) }) + navBar(g, t, lang) + `<div style="display:flex;justify-content:center">${body}${aside}</div>` };
}

function docs(g) {
  const t = theme(g), lang = pickLang(g), s = screen(g, { phone: 0.15 });
  const code = () => `<pre style="background:${t.dark ? '#0b0e14' : '#f3f4f6'};padding:12px;border-radius:6px;font:13px ${MONO};overflow:hidden">${Array.from({ length: g.int(2, 7) }, () => `${g.pick(['$ npm install', 'import', 'const', 'def', 'curl -X GET', 'export', 'pip install'])} ${esc(words(g, 'en', g.int(1, 4)).replace(/ /g, g.pick(['_', '.', ' '])))}${g.pick(['();', '', ' {', ' = 1'])}`).join('\n')}</pre>`;
  const nav = s.form === 'phone' ? '' : `<div style="width:${g.int(200, 260)}px;padding:16px;border-inline-end:1px solid ${t.border};font-size:14px;flex:none">${Array.from({ length: g.int(10, 22) }, (_, i) => `<div style="padding:3px 0;${i % 5 === 0 ? 'font-weight:bold;margin-top:8px' : `padding-inline-start:12px;color:${i === 3 ? t.accent : t.muted}`}">${esc(title(g, lang, 1, 3))}</div>`).join('')}</div>`;
  let main = `<h1>${esc(title(g, lang, 2, 5))}</h1><p>${esc(paragraph(g, lang))}</p>`;
  for (let i = 0; i < g.int(2, 4); i++) {
    main += `<h2 style="border-bottom:1px solid ${t.border};padding-bottom:4px">${esc(title(g, lang, 2, 4))}</h2><p>${esc(paragraph(g, lang, 1, 3))}</p>`;
    if (g.chance(0.7)) main += code();
    if (g.chance(0.3)) main += `<div style="border-inline-start:4px solid ${t.accent};padding:8px 12px;background:${t.card}"><b>${g.pick(['Note', 'Warning', 'Tip', 'Hinweis', 'Примечание'])}</b> ${esc(sentence(g, lang))}</div>`;
  }
  return { ...s, html: page(t, { font: g.pick(FONTS), size: g.int(14, 17), dir: dirOf(lang) }) + navBar(g, t, lang) + `<div style="display:flex">${nav}<div style="padding:8px 32px;max-width:820px">${main}</div></div>` };
}

function post(g, ctx, t, lang, w) {
  const name = personName(g);
  const photo = g.chance(0.5) && ctx.photo(g);
  const reddit = g.chance(0.3);
  const head = reddit
    ? `<div style="font-size:12px;color:${t.muted}"><b style="color:${t.fg}">r/${esc(words(g, 'en', 1))}${g.int(1, 99)}</b> · ${g.int(1, 23)}h · u/${esc(handle(g).slice(1))}</div><div style="font-size:18px;font-weight:bold;margin:4px 0">${esc(title(g, lang, 4, 12))}</div>`
    : `<div style="display:flex;gap:10px;align-items:center">${avatar(g, name, g.int(36, 52), g.chance(0.3) && ctx.photo(g))}<div><b>${esc(name)}</b>${g.chance(0.3) ? ` <span style="color:${t.accent}">✔</span>` : ''}<div style="color:${t.muted};font-size:13px">${esc(handle(g))} · ${g.int(1, 59)}${g.pick(['m', 'h', 'd'])}</div></div><span style="margin-inline-start:auto;color:${t.muted}">⋯</span></div>`;
  const actions = reddit
    ? `⇧ ${g.int(1, 40)}.${g.int(0, 9)}k ⇩ &nbsp; ✉ ${g.int(10, 999)} &nbsp; ↗ ${esc(words(g, lang, 1))}`
    : `✉ ${g.int(0, 999)} &nbsp;&nbsp; ↻ ${g.int(0, 99)}${g.chance(0.5) ? 'K' : ''} &nbsp;&nbsp; ♡ ${g.int(0, 999)} &nbsp;&nbsp; ⇪`;
  return `<div style="background:${t.card};border:1px solid ${t.border};border-radius:${g.pick([0, 8, 14])}px;padding:14px;margin:0 auto 10px;max-width:${w}px">${head}
<div style="margin:8px 0;white-space:pre-wrap">${esc(sentence(g, lang, 4, 30))}${g.chance(0.4) ? ' ' + esc(sentence(g, lang)) : ''}${g.chance(0.3) ? ` <span style="color:${t.accent}">#${esc(words(g, 'en', 1))}</span>` : ''}</div>
${photo ? `<img src="${photo}" style="width:100%;max-height:${g.int(260, 480)}px;object-fit:cover;border-radius:${g.pick([0, 12, 16])}px;border:1px solid ${t.border}">` : ''}
<div style="color:${t.muted};font-size:14px;margin-top:8px;letter-spacing:1px">${actions}</div></div>`;
}

function social(g, ctx) {
  const t = theme(g), lang = pickLang(g);
  const font = g.pick(FONTS), dir = dirOf(lang);
  if (g.chance(0.45)) {
    // One post cropped to itself, as screenshots of posts are shared.
    const width = g.int(420, 640);
    return { width, height: 200, dsf: g.pick([1, 2, 3]), fullPage: true, html: page(t, { font, size: g.int(14, 17), dir }) + `<div style="padding:${g.pick([0, 8, 16])}px">${post(g, ctx, t, lang, width)}</div>` };
  }
  const s = screen(g, { phone: 0.55 });
  const w = s.form === 'phone' ? s.width : g.int(520, 640);
  const top = `<div style="position:sticky;top:0;background:${t.bg};padding:10px 14px;border-bottom:1px solid ${t.border};font-weight:bold;font-size:18px">${s.form === 'phone' ? '☰ ' : ''}${esc(title(g, lang, 1, 2))}</div>`;
  const feed = Array.from({ length: 4 }, () => post(g, ctx, t, lang, w)).join('');
  return { ...s, html: page(t, { font, size: g.int(14, 17), dir }) + `<div style="max-width:${w}px;margin:0 auto">${top}${feed}</div>` };
}

function chat(g, ctx) {
  const t = theme(g), lang = pickLang(g), s = screen(g, { phone: 0.6 });
  const other = personName(g);
  const bubbles = Array.from({ length: g.int(6, 16) }, () => {
    const mine = g.chance(0.5);
    const img = g.chance(0.08) && ctx.photo(g);
    return `<div style="display:flex;justify-content:${mine ? 'flex-end' : 'flex-start'};margin:6px 12px"><div style="max-width:72%;padding:8px 12px;border-radius:16px;background:${mine ? t.accent : t.card};color:${mine ? '#fff' : t.fg};border:1px solid ${mine ? 'transparent' : t.border}">${img ? `<img src="${img}" style="width:220px;border-radius:10px;display:block">` : esc(sentence(g, lang, 1, 14))}<div style="font-size:10px;opacity:.7;text-align:end">${g.int(0, 23)}:${String(g.int(0, 59)).padStart(2, '0')}</div></div></div>`;
  }).join('');
  const side = s.form === 'desktop' ? `<div style="width:${g.int(220, 300)}px;background:${t.dark ? '#111' : t.accent};color:#fff;padding:12px;flex:none">${Array.from({ length: g.int(8, 16) }, () => `<div style="padding:5px 0;opacity:.85"># ${esc(words(g, lang, 1))}</div>`).join('')}</div>` : '';
  const head = `<div style="display:flex;gap:10px;align-items:center;padding:10px 12px;border-bottom:1px solid ${t.border}">${s.form === 'phone' ? '‹ ' : ''}${avatar(g, other, 34)}<b>${esc(other)}</b><span style="margin-inline-start:auto;color:${t.muted}">${esc(words(g, lang, 1))}</span></div>`;
  const input = `<div style="position:absolute;bottom:0;left:0;right:0;padding:10px;border-top:1px solid ${t.border};background:${t.bg}"><div style="border:1px solid ${t.border};border-radius:20px;padding:8px 14px;color:${t.muted}">${esc(words(g, lang, 2))}…</div></div>`;
  return { ...s, html: page(t, { font: g.pick(FONTS), size: g.int(14, 17), dir: dirOf(lang) }) + `<div style="display:flex;height:100vh">${side}<div style="flex:1;position:relative;overflow:hidden">${head}<div style="display:flex;flex-direction:column;justify-content:flex-end;height:calc(100% - 120px);overflow:hidden">${bubbles}</div>${input}</div></div>` };
}

function settings(g) {
  const t = theme(g), lang = pickLang(g), s = screen(g, { phone: 0.5 });
  const control = () => {
    const on = g.chance(0.5);
    return g.pick([
      `<span style="width:40px;height:22px;border-radius:11px;background:${on ? t.accent : t.border};position:relative;display:inline-block"><span style="position:absolute;top:2px;${on ? 'right' : 'left'}:2px;width:18px;height:18px;border-radius:50%;background:#fff"></span></span>`,
      `<span style="color:${t.muted}">${esc(words(g, lang, 1))} ›</span>`,
      `<input type="checkbox" ${on ? 'checked' : ''}>`,
      `<select><option>${esc(words(g, lang, 1))}</option></select>`,
    ]);
  };
  const section = () => `<div style="color:${t.muted};font-size:12px;text-transform:uppercase;margin:18px 16px 6px">${esc(title(g, lang, 1, 3))}</div><div style="background:${t.card};border-radius:${g.pick([0, 10])}px;border:1px solid ${t.border};margin:0 12px">${Array.from({ length: g.int(2, 5) }, () => `<div style="display:flex;align-items:center;padding:11px 14px;border-bottom:1px solid ${t.border}"><div>${esc(title(g, lang, 1, 4))}${g.chance(0.4) ? `<div style="font-size:12px;color:${t.muted}">${esc(sentence(g, lang, 3, 9))}</div>` : ''}</div><span style="margin-inline-start:auto">${control()}</span></div>`).join('')}</div>`;
  const nav = s.form === 'desktop' ? `<div style="width:240px;padding:16px;flex:none;border-inline-end:1px solid ${t.border}">${Array.from({ length: g.int(6, 12) }, (_, i) => `<div style="padding:8px;border-radius:6px;${i === 1 ? `background:${t.accent};color:#fff` : ''}">${esc(title(g, lang, 1, 2))}</div>`).join('')}</div>` : '';
  return { ...s, html: page(t, { font: g.pick(FONTS), size: g.int(14, 17), dir: dirOf(lang) }) + `<div style="display:flex">${nav}<div style="flex:1;max-width:760px"><h2 style="margin:16px">${esc(title(g, lang, 1, 2))}</h2>${Array.from({ length: g.int(2, 5) }, section).join('')}</div></div>` };
}

const KEYWORDS = ['const', 'let', 'function', 'return', 'if', 'else', 'for', 'import', 'from', 'def', 'class', 'async', 'await', 'fn', 'pub', 'struct'];

function codeLine(g, c) {
  const ind = '  '.repeat(g.int(0, 3));
  const parts = [];
  for (let i = 0; i < g.int(1, 6); i++) {
    const r = g.r();
    if (r < 0.25) parts.push(`<span style="color:${c.kw}">${g.pick(KEYWORDS)}</span>`);
    else if (r < 0.4) parts.push(`<span style="color:${c.str}">"${esc(words(g, 'en', g.int(1, 3)))}"</span>`);
    else if (r < 0.5) parts.push(`<span style="color:${c.num}">${g.int(0, 4096)}</span>`);
    else parts.push(`<span style="color:${c.id}">${words(g, 'en', 1)}${g.pick(['', '()', '.', ' =', ':', ','])}</span>`);
  }
  if (g.chance(0.1)) return ind + `<span style="color:${c.com}">// ${esc(words(g, 'en', g.int(2, 8)))}</span>`;
  return ind + parts.join(' ') + g.pick([';', '', ' {', '}', '']);
}

function editor(g) {
  const dark = g.chance(0.65), t = theme(g, dark), s = screen(g, { phone: 0.05, tablet: 0.1 });
  const c = dark ? { kw: '#c586c0', str: '#ce9178', num: '#b5cea8', id: '#9cdcfe', com: '#6a9955' } : { kw: '#0000ff', str: '#a31515', num: '#098658', id: '#001080', com: '#008000' };
  const size = g.int(12, 16);
  const n = Math.floor((s.height - 60) / (size * 1.5));
  const start = g.int(1, 300);
  const lines = Array.from({ length: n }, (_, i) => `<div><span style="display:inline-block;width:44px;color:${t.muted};text-align:right;margin-right:16px">${start + i}</span>${codeLine(g, c)}</div>`).join('');
  const tree = g.chance(0.7) ? `<div style="width:${g.int(180, 260)}px;background:${dark ? '#252526' : '#f3f3f3'};padding:8px;font-size:13px;flex:none;font-family:sans-serif">${Array.from({ length: g.int(10, 25) }, () => `<div style="padding:2px ${g.int(0, 3) * 10}px">${g.pick(['▸ ', '▾ ', ''])}${words(g, 'en', 1)}${g.pick(['.ts', '.py', '.rs', '.js', '.md', '.json', ''])}</div>`).join('')}</div>` : '';
  const tabs = `<div style="display:flex;background:${dark ? '#2d2d2d' : '#ececec'};font-size:13px;font-family:sans-serif">${Array.from({ length: g.int(1, 5) }, (_, i) => `<div style="padding:6px 14px;${i === 0 ? `background:${t.bg}` : ''}">${words(g, 'en', 1)}${g.pick(['.ts', '.py', '.go', '.c'])}</div>`).join('')}</div>`;
  const status = `<div style="position:fixed;bottom:0;left:0;right:0;height:22px;background:${t.accent};color:#fff;font:12px sans-serif;padding:3px 10px">${g.pick(['main', 'master', 'dev'])} ⟳ Ln ${start + 3}, Col ${g.int(1, 80)} · UTF-8</div>`;
  return { ...s, html: page(t, { font: MONO, size }) + `<div style="display:flex;height:100vh">${tree}<div style="flex:1;overflow:hidden">${tabs}<div style="white-space:pre;padding-top:6px">${lines}</div></div></div>${status}` };
}

export const SCREENS = { article, docs, social, chat, settings, editor };
