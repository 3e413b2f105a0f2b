// FAQ curation for moderators and organisers: the automatic groups per project, their questions,
// and the corrections (merge, move, representative text in ru/kk) with a history to undo from.
import { init, api, el, t, $, $$, nameOf, titleOf, formatDate, forumId, notice, problemText, requireStaff } from './common.js';

await init('staff');
if (requireStaff()) start();

async function start() {
  const status = $('#status');
  const id = forumId();
  if (!id) {
    const r = await api('/api/forums');
    $('#pick').hidden = false;
    $('#forum-list').replaceChildren(...(r.ok ? r.data : []).map((f) => el('li', { class: 'card' },
      el('a', { href: '/curation.html?forum=' + encodeURIComponent(f.id), text: titleOf(f) }))));
    return;
  }
  $$('nav.staff-more a').forEach((a) => (a.href = a.getAttribute('href').split('?')[0] + '?forum=' + encodeURIComponent(id)));
  const fr = await api('/api/forums/' + encodeURIComponent(id));
  if (!fr.ok) {
    notice(status, fr.status === 404 ? t('common.forumMissing') : problemText(fr), 'err');
    return;
  }
  document.title = t('cur.title') + ' — ' + titleOf(fr.data);
  $('#title').textContent = t('cur.title') + ': ' + titleOf(fr.data);
  const base = '/api/forums/' + encodeURIComponent(id);
  const pr = await api(base + '/projects');
  // Without the catalogue the groups still show (by code), but say why the filter is empty.
  if (!pr.ok) notice(status, problemText(pr), 'err');
  const projects = pr.ok ? pr.data : [];
  const projectName = (c) => nameOf(projects.find((p) => p.code === c)) || c;
  const districtName = (c) => nameOf(fr.data.districts.find((d) => d.code === c)) || c || '';

  const filter = $('#filter-form');
  filter.hidden = false;
  $('#project').replaceChildren(el('option', { value: '', text: t('common.all') }),
    ...projects.map((p) => el('option', { value: p.code, text: nameOf(p) })));

  let groups = [];
  // Groups the moderator opened stay open across reloads, so a move is seen where it was made.
  const open = new Set();
  const keyOf = (g) => g.project + '|' + g.groupId;
  const label = (g) => {
    const text = g.representativeText || g.groupId;
    return (text.length > 70 ? text.slice(0, 69) + '…' : text) + ` (${g.count})`;
  };

  async function load() {
    const list = $('#groups');
    list.setAttribute('aria-busy', 'true');
    try {
      await reload();
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }

  async function reload() {
    const project = $('#project').value;
    const r = await api(`${base}/reports/faq?limit=200${project ? '&project=' + encodeURIComponent(project) : ''}`, { auth: true });
    if (!r.ok) {
      notice(status, problemText(r), 'err');
      return;
    }
    groups = r.data.groups || [];
    $('#total').textContent = t('cur.total', groups.length, r.data.questions);
    $('#groups').replaceChildren(...(groups.length ? groups.map(card) : [el('li', { text: t('common.none') })]));
    for (const g of groups) if (open.has(keyOf(g))) await showQuestions(g);
    await loadHistory();
  }

  async function act(path, method, body, slot) {
    const r = await api(base + path, { method, auth: true, body });
    if (!r.ok) {
      const errors = r.data && Array.isArray(r.data.errors) ? r.data.errors.map((e) => e.message) : [];
      notice(slot || status, errors.length ? errors.join(' ') : problemText(r), 'err');
      return false;
    }
    await load();
    notice(status, t('cur.done'), 'ok');
    return true;
  }

  function card(g) {
    const key = keyOf(g);
    const domId = 'g-' + key.replace(/[^A-Za-z0-9_-]/g, '_');
    const questions = el('ul', { class: 'questions', id: domId + '-questions', hidden: true });
    const toggle = el('button', { type: 'button', class: 'secondary open-group', 'aria-expanded': 'false',
      'aria-controls': questions.id, text: t('cur.questions', g.count) });
    toggle.addEventListener('click', async () => {
      if (open.has(key)) {
        open.delete(key);
        questions.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
      } else {
        open.add(key);
        await showQuestions(g);
      }
    });

    const others = groups.filter((o) => o.project === g.project && o.groupId !== g.groupId);
    const merge = el('form', { class: 'field merge', hidden: true });
    const mergeSelect = el('select', { id: domId + '-merge', name: 'targetGroupId' },
      ...others.map((o) => el('option', { value: o.groupId, text: label(o) })));
    const mergeError = el('p', { class: 'notice', role: 'alert' });
    merge.append(el('label', { for: mergeSelect.id, text: t('cur.mergeInto') }), mergeSelect,
      el('button', { type: 'submit', class: 'secondary', text: t('cur.merge') }), mergeError);
    merge.addEventListener('submit', (e) => {
      e.preventDefault();
      act('/faq/merges', 'POST', { project: g.project, sourceGroupId: g.groupId, targetGroupId: mergeSelect.value }, mergeError);
    });

    const rep = g.representative || {};
    const text = el('form', { class: 'representative', hidden: true, novalidate: true });
    const area = (l) => {
      const a = el('textarea', { id: `${domId}-text-${l}`, name: 'text-' + l, maxlength: 1000, lang: l,
        'aria-describedby': `${domId}-err-${l}` });
      a.value = rep[l] || '';
      return el('div', { class: 'field' }, el('label', { for: a.id, text: t('cur.text.' + l) }), a,
        el('p', { class: 'error', id: `${domId}-err-${l}` }));
    };
    text.append(area('ru'), area('kk'), el('button', { type: 'submit', class: 'secondary', text: t('common.save') }));
    text.addEventListener('submit', async (e) => {
      e.preventDefault();
      let changed = false;
      for (const l of ['ru', 'kk']) {
        const input = text.elements['text-' + l];
        const errorSlot = text.querySelector(`#${CSS.escape(domId)}-err-${l}`);
        errorSlot.textContent = '';
        input.removeAttribute('aria-invalid');
        const value = input.value.trim();
        if (!value || value === (rep[l] || '')) continue;
        const r = await api(`${base}/faq/groups/${encodeURIComponent(g.groupId)}/representative`,
          { method: 'PUT', auth: true, body: { project: g.project, language: l, text: value } });
        if (!r.ok) {
          const errors = r.data && Array.isArray(r.data.errors) ? r.data.errors.map((x) => x.message) : [];
          errorSlot.textContent = errors.length ? errors.join(' ') : problemText(r);
          input.setAttribute('aria-invalid', 'true');
          input.focus();
          return;
        }
        changed = true;
      }
      if (changed) {
        await load();
        notice(status, t('cur.done'), 'ok');
      }
    });

    const show = (form) => () => {
      form.hidden = !form.hidden;
      if (!form.hidden) form.querySelector('select,textarea').focus();
    };
    const mergeButton = el('button', { type: 'button', class: 'secondary merge-open', text: t('cur.merge'), disabled: !others.length });
    mergeButton.addEventListener('click', show(merge));
    const textButton = el('button', { type: 'button', class: 'secondary text-open', text: t('cur.setText') });
    textButton.addEventListener('click', show(text));

    const meta = [projectName(g.project), t('cur.count', g.count), t('cur.answered', g.answered || 0),
      g.lastAskedAt ? formatDate(g.lastAskedAt, true) : null].filter(Boolean);
    return el('li', { class: 'card faq-group', id: domId, 'data-group': g.groupId, 'data-project': g.project },
      el('p', { class: 'text', text: g.representativeText || '' }),
      el('p', { class: 'meta', text: meta.join(' · ') }),
      el('div', { class: 'actions' }, toggle, mergeButton, textButton), merge, text, questions);
  }

  async function showQuestions(g) {
    const node = $('#' + CSS.escape('g-' + keyOf(g).replace(/[^A-Za-z0-9_-]/g, '_')));
    if (!node) return;
    const list = node.querySelector('ul.questions');
    const r = await api(`${base}/reports/faq/groups/${encodeURIComponent(g.groupId)}/questions?project=${encodeURIComponent(g.project)}`, { auth: true });
    if (!r.ok) {
      list.replaceChildren(el('li', { class: 'notice err', text: problemText(r) }));
    } else {
      const others = groups.filter((o) => o.project === g.project && o.groupId !== g.groupId);
      list.replaceChildren(...(r.data.length ? r.data.map((q) => question(g, q, others)) : [el('li', { text: t('common.none') })]));
    }
    list.hidden = false;
    node.querySelector('.open-group').setAttribute('aria-expanded', 'true');
  }

  function question(g, q, others) {
    const selectId = 'move-' + q.questionId;
    const select = el('select', { id: selectId, name: 'targetGroupId' },
      el('option', { value: '', text: t('cur.newGroup') }),
      ...others.map((o) => el('option', { value: o.groupId, text: label(o) })));
    const error = el('p', { class: 'notice', role: 'alert' });
    const form = el('form', { class: 'move' },
      el('label', { for: selectId, text: t('cur.moveTo') }), select,
      el('button', { type: 'submit', class: 'secondary', text: t('cur.move') }), error);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const body = { project: g.project, questionId: q.questionId };
      if (select.value) body.targetGroupId = select.value;
      act('/faq/moves', 'POST', body, error);
    });
    const meta = [t('cur.qstatus.' + q.status), districtName(q.district), q.language, t('cur.supporters', q.supporters || 0),
      q.authorName ? q.authorName : t('wall.anonymous')].filter(Boolean);
    return el('li', { class: 'question', 'data-id': q.questionId },
      el('p', { class: 'text', text: q.text }), el('p', { class: 'meta', text: meta.join(' · ') }), form);
  }

  async function loadHistory() {
    const r = await api(base + '/faq/curation', { auth: true });
    if (!r.ok) return;
    $('#history-section').hidden = false;
    const byId = new Map(groups.map((g) => [keyOf(g), g]));
    const name = (project, gid) => {
      const g = byId.get(project + '|' + gid);
      return g ? '«' + label(g) + '»' : t('cur.otherGroup');
    };
    const describe = (a) => {
      if (a.kind === 'MERGE') return t('cur.kind.MERGE', name(a.project, a.source), name(a.project, a.target));
      if (a.kind === 'MOVE') return a.target ? t('cur.kind.MOVE', name(a.project, a.target)) : t('cur.kind.MOVE_NEW');
      if (a.kind === 'TEXT') return t('cur.kind.TEXT', a.language, a.text || '');
      return a.kind;
    };
    const items = [...r.data].reverse().map((a) => {
      const undo = a.undone ? el('span', { class: 'badge', text: t('cur.undone') })
        : el('button', { type: 'button', class: 'secondary undo', text: t('cur.undo') });
      if (!a.undone) undo.addEventListener('click', () => act(`/faq/curation/${encodeURIComponent(a.eventId)}/undo`, 'POST'));
      return el('li', { class: 'card action' + (a.undone ? ' undone' : ''), 'data-id': a.eventId, 'data-kind': a.kind },
        el('p', { class: 'text', text: describe(a) }),
        el('p', { class: 'meta', text: [projectName(a.project), a.moderator, formatDate(a.at, true)].filter(Boolean).join(' · ') }),
        el('div', { class: 'actions' }, undo));
    });
    $('#history').replaceChildren(...(items.length ? items : [el('li', { text: t('common.none') })]));
  }

  $('#project').addEventListener('change', load);
  $('#refresh').addEventListener('click', load);
  filter.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  await load();
}
