// Document templates (kind "document", labelled real): text pages, tables/spreadsheets, invoices and
// presentation slides, rendered as a page or slide seen whole (as scans and screenshots of them are).
import { FONTS, page, theme } from './theme.mjs';
import { dirOf, escapeHtml as esc, paragraph, personName, pickLang, sentence, title, words } from './text.mjs';

const A4 = (g) => { const width = g.int(700, 900); return { width, height: Math.round(width * 1.414), dsf: 1 }; };

function textPage(g) {
  const lang = pickLang(g), t = theme(g, false);
  const cols = g.chance(0.25) ? 2 : 1;
  let body = `<h1 style="font-size:${g.int(20, 30)}px;text-align:${g.pick(['left', 'center'])}">${esc(title(g, lang, 3, 10))}</h1>`;
  if (g.chance(0.5)) body += `<p style="text-align:center;font-style:italic">${esc(personName(g))}, ${esc(personName(g))}</p>`;
  for (let i = 0; i < g.int(4, 9); i++) {
    if (g.chance(0.3)) body += `<h3>${g.chance(0.5) ? `${i + 1}. ` : ''}${esc(title(g, lang, 1, 5))}</h3>`;
    body += `<p style="text-align:justify;text-indent:${g.pick([0, 24])}px">${esc(paragraph(g, lang, 3, 7))}</p>`;
  }
  body += `<div style="position:absolute;bottom:24px;left:0;right:0;text-align:center;font-size:12px">${g.int(1, 240)}</div>`;
  return { ...A4(g), html: page(t, { font: g.pick(FONTS), size: g.int(11, 14), dir: dirOf(lang), extra: `body{background:${g.pick(['#fff', '#fdfdf8', '#f8f8f8'])};color:#111}` }) + `<div style="padding:${g.int(40, 80)}px;columns:${cols};column-gap:28px">${body}</div>` };
}

function table(g) {
  const lang = pickLang(g), t = theme(g, g.chance(0.2));
  const ncol = g.int(3, 9), nrow = g.int(8, 30);
  const sheet = g.chance(0.5);
  const head = `<tr>${sheet ? '<th></th>' : ''}${Array.from({ length: ncol }, (_, i) => `<th style="background:${sheet ? (t.dark ? '#333' : '#eee') : t.accent};color:${sheet ? t.fg : '#fff'};padding:4px 8px">${sheet ? String.fromCharCode(65 + i) : esc(title(g, lang, 1, 2))}</th>`).join('')}</tr>`;
  const rows = Array.from({ length: nrow }, (_, r) => `<tr style="background:${!sheet && r % 2 ? (t.dark ? '#222' : '#f4f6f8') : 'transparent'}">${sheet ? `<td style="background:${t.dark ? '#333' : '#eee'};text-align:center">${r + 1}</td>` : ''}${Array.from({ length: ncol }, (_, c) => {
    const v = c === 0 ? esc(words(g, lang, g.int(1, 2))) : g.pick([String(g.int(0, 99999)), (g.r() * 1000).toFixed(2), `${g.int(0, 100)}%`, esc(words(g, lang, 1))]);
    return `<td style="padding:3px 8px;border:1px solid ${t.border};text-align:${c ? 'right' : 'left'}">${v}</td>`;
  }).join('')}</tr>`).join('');
  const width = g.int(640, 1280);
  return { width, height: 200, dsf: 1, fullPage: true, html: page(t, { font: g.pick(FONTS), size: g.int(12, 15), dir: dirOf(lang) }) + `<div style="padding:16px">${g.chance(0.6) ? `<h2>${esc(title(g, lang))}</h2>` : ''}<table style="border-collapse:collapse;width:100%">${head}${rows}</table></div>` };
}

function invoice(g) {
  const lang = pickLang(g), t = theme(g, false);
  const items = Array.from({ length: g.int(2, 10) }, () => ({ d: words(g, lang, g.int(2, 5)), q: g.int(1, 20), p: g.int(100, 99999) / 100 }));
  const total = items.reduce((s, i) => s + i.q * i.p, 0);
  const cur = g.pick(['€', '$', '£', 'CHF ', '₽', 'zł ']);
  const rows = items.map((i) => `<tr><td>${esc(i.d)}</td><td style="text-align:right">${i.q}</td><td style="text-align:right">${cur}${i.p.toFixed(2)}</td><td style="text-align:right">${cur}${(i.q * i.p).toFixed(2)}</td></tr>`).join('');
  const html = `<div style="padding:56px">
<div style="display:flex;justify-content:space-between"><div><div style="font-size:26px;font-weight:bold;color:${t.accent}">${esc(title(g, 'en', 1, 2))} ${g.pick(['GmbH', 'Ltd', 'Inc.', 'S.A.', 'LLC'])}</div><div>${g.int(1, 300)} ${esc(title(g, lang, 1, 2))}<br>${g.int(10000, 99999)} ${esc(title(g, lang, 1, 1))}</div></div>
<div style="text-align:right"><h1 style="margin:0">${g.pick(['INVOICE', 'Rechnung', 'Facture', 'Factura', 'Счёт'])}</h1>#${g.int(1000, 99999)}<br>${g.int(1, 28)}/${g.int(1, 12)}/20${g.int(15, 25)}</div></div>
<p style="margin-top:40px"><b>${esc(personName(g))}</b><br>${esc(words(g, lang, 3))}</p>
<table style="width:100%;border-collapse:collapse;margin-top:24px" cellpadding="6"><tr style="background:${t.accent};color:#fff"><th style="text-align:left">${esc(title(g, lang, 1, 1))}</th><th>Qty</th><th>${esc(words(g, lang, 1))}</th><th>Total</th></tr>${rows}
<tr><td colspan="3" style="text-align:right;border-top:2px solid #333"><b>Total</b></td><td style="text-align:right;border-top:2px solid #333"><b>${cur}${total.toFixed(2)}</b></td></tr></table>
<p style="margin-top:40px;font-size:12px;color:#555">${esc(paragraph(g, lang, 1, 3))}</p></div>`;
  return { ...A4(g), html: page(t, { font: g.pick(FONTS), size: g.int(12, 15), dir: dirOf(lang), extra: 'body{background:#fff;color:#111} td{border-bottom:1px solid #ddd}' }) + html };
}

function slide(g) {
  const lang = pickLang(g), t = theme(g);
  const width = g.pick([960, 1280, 1024]), height = Math.round(width / g.pick([16 / 9, 4 / 3]));
  const band = g.chance(0.5);
  const bullets = Array.from({ length: g.int(2, 6) }, () => `<li style="margin:10px 0">${esc(sentence(g, lang, 3, 10))}</li>`).join('');
  const bars = g.chance(0.4) ? `<div style="display:flex;align-items:flex-end;gap:14px;height:220px;width:300px;border-bottom:2px solid ${t.fg}">${Array.from({ length: g.int(3, 6) }, () => `<div style="flex:1;height:${g.int(15, 100)}%;background:${t.accent}"></div>`).join('')}</div>` : '';
  const html = `${band ? `<div style="background:${t.accent};color:#fff;padding:28px 48px;font-size:${g.int(30, 44)}px;font-weight:bold">${esc(title(g, lang, 2, 6))}</div>` : `<div style="padding:40px 48px 0;font-size:${g.int(30, 46)}px;font-weight:bold;color:${t.accent}">${esc(title(g, lang, 2, 6))}</div>`}
<div style="display:flex;gap:40px;align-items:center;padding:10px 48px"><ul style="font-size:${g.int(20, 28)}px;flex:1">${bullets}</ul>${bars}</div>
<div style="position:absolute;bottom:14px;right:24px;font-size:14px;color:${t.muted}">${g.int(2, 40)}</div>`;
  return { width, height, dsf: 1, html: page(t, { font: g.pick(FONTS), dir: dirOf(lang) }) + html };
}

export const DOCUMENTS = { textPage, table, invoice, slide };
