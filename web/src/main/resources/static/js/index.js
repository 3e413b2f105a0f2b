import { init, api, el, t, titleOf, formatDate, notice, problemText, $ } from './common.js';

await init();
document.title = t('forums.title') + ' — ' + t('app.name');
const status = $('#status');
notice(status, t('common.loading'));
const r = await api('/api/forums');
if (!r.ok) {
  notice(status, problemText(r), 'err');
} else {
  status.textContent = r.data.length ? '' : t('common.none');
  status.className = r.data.length ? '' : 'notice';
  const q = (f) => '?forum=' + encodeURIComponent(f.id);
  $('#forums').replaceChildren(...r.data.map((f) => el('li', { class: 'card' },
    el('h2', { text: titleOf(f) }),
    el('p', { class: 'meta', text: [t('forums.when', formatDate(f.startsOn)), f.venue ? t('forums.where', f.venue) : ''].filter(Boolean).join(' · ') }),
    el('div', { class: 'actions' },
      el('a', { class: 'button', href: '/register.html' + q(f), text: t('nav.register') }),
      el('a', { class: 'button secondary', href: '/ask.html' + q(f), text: t('nav.ask') }),
      el('a', { class: 'button secondary', href: '/wall.html' + q(f), text: t('nav.wall') }),
      el('a', { class: 'button secondary', href: '/dashboard.html' + q(f), text: t('nav.dashboard') })))));
}
