import { init, api, el, t, $, nameOf, titleOf, loadForum, notice, problemText, requireStaff, formatDate } from './common.js';

await init('staff');
if (requireStaff()) {
  const status = $('#status');
  const forum = await loadForum(status);
  if (forum) start(forum, status);
}

async function start(forum, status) {
  document.title = t('mod.title') + ' — ' + titleOf(forum);
  $('#title').textContent = t('mod.title') + ': ' + titleOf(forum);
  const base = '/api/forums/' + encodeURIComponent(forum.id);
  const pr = await api(base + '/projects');
  const projects = pr.ok ? pr.data : [];
  const projectName = (c) => nameOf(projects.find((p) => p.code === c)) || c;
  const districtName = (c) => nameOf(forum.districts.find((d) => d.code === c)) || c || '';
  const roleName = (c) => nameOf(forum.roles.find((r) => r.code === c)) || c || '';

  const settings = await api(base + '/moderation/settings', { auth: true });
  if (settings.ok) {
    const form = $('#settings-form');
    form.hidden = false;
    form.elements.mode.value = settings.data.mode || 'OFF';
    form.elements.questionsOpen.checked = settings.data.questionsOpen !== false;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const r = await api(base + '/moderation/settings', { method: 'PUT', auth: true,
        body: { mode: form.elements.mode.value, questionsOpen: form.elements.questionsOpen.checked } });
      notice(status, r.ok ? t('mod.done') : problemText(r), r.ok ? 'ok' : 'err');
    });
  }

  async function load() {
    const filter = $('#filter').value;
    const r = await api(base + '/moderation/questions?size=100' + (filter ? '&status=' + filter : ''), { auth: true });
    if (!r.ok) {
      notice(status, problemText(r), 'err');
      return;
    }
    $('#queue').replaceChildren(...(r.data.length ? r.data.map(card) : [el('li', { text: t('common.none') })]));
  }

  async function act(q, action, body) {
    const r = await api(`${base}/moderation/questions/${encodeURIComponent(q.id)}/${action}`, { method: 'POST', auth: true, body });
    notice(status, r.ok ? t('mod.done') : problemText(r), r.ok ? 'ok' : 'err');
    if (r.ok) load();
  }

  /** An inline form (reason, fixed text, answer): a labelled text field and a button. */
  function inline(q, key, field, action, initial = '') {
    const id = `${action}-${q.id}`;
    const input = el(field === 'answer' || field === 'text' ? 'textarea' : 'input', { id, name: field });
    input.value = initial;
    const form = el('form', { class: 'field', hidden: true },
      el('label', { for: id, text: t(key) }), input,
      el('button', { type: 'submit', class: 'secondary', text: t('common.save') }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (input.value.trim()) act(q, action, { [field]: input.value.trim() });
    });
    return form;
  }

  function card(q) {
    const reject = inline(q, 'mod.reason', 'reason', 'reject');
    const edit = inline(q, 'mod.edit', 'text', 'edit', q.text);
    const answer = inline(q, 'mod.answerText', 'answer', 'answer', q.answer ? q.answer.text : '');
    const toggle = (form) => () => { form.hidden = !form.hidden; if (!form.hidden) form.querySelector('input,textarea').focus(); };
    const buttons = [];
    if (q.status === 'PENDING_MODERATION') {
      const approve = el('button', { type: 'button', class: 'approve', text: t('mod.approve') });
      approve.addEventListener('click', () => act(q, 'approve'));
      buttons.push(approve);
    }
    const b = (key, form, cls) => {
      const button = el('button', { type: 'button', class: 'secondary ' + cls, text: t(key) });
      button.addEventListener('click', toggle(form));
      return button;
    };
    if (q.status === 'PENDING_MODERATION' || q.status === 'PUBLISHED') buttons.push(b('mod.reject', reject, 'reject'));
    buttons.push(b('mod.edit', edit, 'edit'), b('mod.answer', answer, 'answer'));
    const meta = [projectName(q.project), districtName(q.district), roleName(q.role), t('qstatus.' + q.status),
      formatDate(q.submittedAt, true)].filter(Boolean);
    return el('li', { class: 'card question', 'data-id': q.id },
      el('p', { class: 'text', text: q.text }),
      q.originalText && q.originalText !== q.text ? el('p', { class: 'meta', text: t('mod.original', q.originalText) }) : null,
      el('p', { class: 'meta', text: meta.join(' · ') }),
      el('p', { class: 'meta', text: t('mod.author', q.anonymous || !q.authorName ? t('wall.anonymous') : q.authorName) }),
      q.statusReason ? el('p', { class: 'meta', text: t('ask.reason', q.statusReason) }) : null,
      q.answer && q.answer.text ? el('p', { class: 'answer', text: t('ask.answer', q.answer.text) }) : null,
      el('div', { class: 'actions' }, ...buttons), reject, edit, answer);
  }

  $('#filter').addEventListener('change', load);
  $('#refresh').addEventListener('click', load);
  await load();
}
