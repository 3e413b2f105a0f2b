import { el, t, nameOf, formatDate } from './common.js';

/** A question card (own questions and the wall); every text is set as text. */
export function questionCard(q, projects, extra = []) {
  const project = projects.find((p) => p.code === q.project);
  const meta = [project ? nameOf(project) : q.project, formatDate(q.submittedAt, true)];
  if (q.status) meta.push(t('qstatus.' + q.status));
  if (q.supportCount) meta.push(t('ask.supports', q.supportCount));
  return el('li', { class: 'card question', 'data-id': q.id },
    el('p', { class: 'text', text: q.text }),
    el('p', { class: 'meta', text: meta.join(' · ') }),
    q.statusReason ? el('p', { class: 'meta', text: t('ask.reason', q.statusReason) }) : null,
    q.answer && q.answer.text ? el('p', { class: 'answer', text: t('ask.answer', q.answer.text) }) : null,
    ...extra);
}
