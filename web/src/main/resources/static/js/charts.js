import { el } from './common.js';

/**
 * Horizontal bar chart drawn with plain elements (readable by screen readers as text rows, printable).
 * rows: [{label, value}] or [{label, parts: [{value, cls}]}]; widths are set through CSSOM, which
 * the Content-Security-Policy allows (inline style attributes it would not).
 */
export function barChart(container, rows, id) {
  const max = Math.max(1, ...rows.map((r) => total(r)));
  container.replaceChildren(...rows.map((r, i) => {
    const track = el('div', { class: 'track', 'aria-hidden': 'true' });
    for (const part of r.parts || [{ value: r.value, cls: '' }]) {
      const fill = el('div', { class: ('fill ' + (part.cls || '')).trim() });
      fill.style.width = (100 * part.value / max).toFixed(2) + '%';
      track.append(fill);
    }
    return el('div', { class: 'bar-row', 'data-key': r.key || r.label, id: id ? `${id}-${i}` : null },
      el('span', { class: 'label', text: r.label }), track,
      el('span', { class: 'num', text: r.parts ? r.parts.map((p) => p.value).join(' / ') : String(r.value) }));
  }));
}

function total(r) {
  return r.parts ? r.parts.reduce((s, p) => s + p.value, 0) : r.value;
}
