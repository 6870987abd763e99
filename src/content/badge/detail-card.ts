// The detail card a badge opens: every object with its score, what the AI score means, the model and its
// version, time taken and the provenance evidence found in the file (absent evidence is not listed).
// Built with textContent only: verdict fields are data.
import type { Verdict } from '../../shared/verdict';
import { duration, evidence, FAILED_LABEL, KIND_MEANING, KIND_NAMES, percent, scoreMeaning, verdictLabel } from '../../shared/wording';
import type { BadgeState } from './badge-state';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, children: Node[] = []): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  e.append(...children);
  return e;
}

function facts(rows: [string, string][]): HTMLDListElement {
  return el('dl', undefined, rows.flatMap(([k, v]) => [el('dt', k), el('dd', v)]));
}

function verdictCard(v: Verdict, url: string): Node[] {
  const objects = v.objects.length
    ? el('ul', undefined, v.objects.map((o) => el('li', `${o.label} — ${percent(o.score)}`)))
    : el('p', 'No objects recognised above the model’s threshold.');
  const nodes: Node[] = [
    el('h2', `DualSight: ${verdictLabel(v)}`),
    ...(v.kind ? [el('p', `Kind: ${KIND_NAMES[v.kind]} — ${KIND_MEANING[v.kind]} (${percent(v.kindProbability ?? 0)} sure).`)] : []),
    el('h3', 'AI-generated score'),
    el('p', scoreMeaning(v)),
    el('h3', 'Objects'),
    objects,
  ];
  const signals = evidence(v);
  if (signals.length) nodes.push(el('h3', 'Provenance'), el('ul', undefined, signals.map((s) => el('li', s.summary))));
  nodes.push(
    facts([
      ['Model', v.model],
      ['Ran on', v.backend],
      ['Time', `${duration(v.ms)} (model ${duration(v.modelMs)})`],
      ['Image', url],
    ]),
  );
  return nodes;
}

/** The user's mark (settings.mark): a card drawn by a page, which cannot read it, lacks it. */
function markLine(mark: string): Node[] {
  if (!mark) return [];
  const p = el('p', `Your DualSight mark: ${mark}`);
  p.className = 'mark';
  p.title = 'Set in the DualSight popup. A card without your mark was not made by DualSight.';
  return [p];
}

/** Fills `card` for `state`, with the user's `mark` at the top. */
export function renderCard(card: HTMLElement, state: BadgeState, url: string, mark = ''): void {
  if (state.kind === 'done') card.replaceChildren(...markLine(mark), ...verdictCard(state.verdict, url));
  else if (state.kind === 'failed') card.replaceChildren(...markLine(mark), el('h2', `DualSight: ${FAILED_LABEL} this image`), el('p', state.error), facts([['Image', url]]));
  else card.replaceChildren(...markLine(mark), el('h2', 'DualSight is checking this image…'), facts([['Image', url]]));
}
