// Forum setup for organisers: create a forum, change its details, capacity and sessions
// (registration-service), and keep its project catalogue in Russian and Kazakh (feedback-service).
import { init, api, el, t, $, $$, nameOf, titleOf, formatDate, forumId, showProblem, clearErrors, notice, problemText, requireStaff } from './common.js';

await init('staff');
if (requireStaff()) start();

async function start() {
  const status = $('#status');
  const id = forumId();
  linkStaffPages(id);
  if (!id) {
    document.title = t('setup.title') + ' — ' + t('app.name');
    await listForums();
    showForumForm(null);
    return;
  }
  const r = await api('/api/forums/' + encodeURIComponent(id));
  if (!r.ok) {
    notice(status, r.status === 404 ? t('common.forumMissing') : problemText(r), 'err');
    return;
  }
  document.title = t('setup.title') + ' — ' + titleOf(r.data);
  $('#title').textContent = t('setup.title') + ': ' + titleOf(r.data);
  showForumForm(r.data);
  await showProjects(r.data.id);
}

/** The extra staff links carry the forum along, as the header's links do. */
function linkStaffPages(id) {
  if (!id) return;
  $$('nav.staff-more a').forEach((a) => (a.href = a.getAttribute('href').split('?')[0] + '?forum=' + encodeURIComponent(id)));
}

async function listForums() {
  const r = await api('/api/forums');
  if (!r.ok || !r.data.length) return;
  $('#pick').hidden = false;
  $('#forum-list').replaceChildren(...r.data.map((f) => el('li', { class: 'card' },
    el('a', { href: '/setup.html?forum=' + encodeURIComponent(f.id), text: titleOf(f) }),
    el('p', { class: 'meta', text: [formatDate(f.startsOn), f.venue].filter(Boolean).join(' · ') }))));
}

// ---- the forum: create (POST) or change (PATCH with the revision read, so a parallel edit is not lost)

function showForumForm(forum) {
  const form = $('#forum-form');
  const f = form.elements;
  let revision = forum ? forum.revision : null;
  let hadWindow = !!(forum && (forum.registrationOpensAt || forum.registrationClosesAt));
  form.hidden = false;
  if (forum) {
    $('#h-forum').textContent = t('setup.details');
    $('#save-forum').textContent = t('common.save');
    fill(forum);
    // The region cannot change: registrations refer to its districts.
    f.regionCode.disabled = true;
  }

  function fill(fm) {
    f.titleRu.value = fm.titleRu || '';
    f.titleKk.value = fm.titleKk || '';
    f.startsOn.value = fm.startsOn || '';
    f.endsOn.value = fm.endsOn || '';
    f.venue.value = fm.venue || '';
    f.regionCode.value = fm.regionCode || 'ZKO';
    f.capacity.value = fm.capacity || '';
    f.registrationOpensAt.value = toLocalInput(fm.registrationOpensAt);
    f.registrationClosesAt.value = toLocalInput(fm.registrationClosesAt);
    f.requiresApproval.checked = !!fm.requiresApproval;
    $('#session-rows').replaceChildren();
    (fm.sessions || []).forEach((s) => addSession(s, true));
  }

  $('#add-session').addEventListener('click', () => {
    const row = addSession({}, false);
    row.querySelector('input').focus();
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const text = (name) => f[name].value.trim() || null;
    const body = {
      titleRu: text('titleRu'),
      titleKk: text('titleKk'),
      startsOn: text('startsOn'),
      endsOn: text('endsOn'),
      venue: text('venue'),
      capacity: f.capacity.value === '' ? null : Number(f.capacity.value),
      registrationOpensAt: toInstant(f.registrationOpensAt.value),
      registrationClosesAt: toInstant(f.registrationClosesAt.value),
      requiresApproval: f.requiresApproval.checked,
      sessions: $$('#session-rows > li').map((row, i) => {
        const v = (k) => row.querySelector(`[name="sessions[${i}].${k}"]`).value.trim();
        const capacity = v('capacity');
        return { code: v('code').toUpperCase() || null, titleRu: v('titleRu') || null, titleKk: v('titleKk') || null,
          capacity: capacity === '' ? null : Number(capacity) };
      }),
    };
    let r;
    const button = $('#save-forum');
    button.disabled = true;
    if (forum) {
      body.expectedRevision = revision;
      if (hadWindow && !body.registrationOpensAt && !body.registrationClosesAt) body.clearRegistrationWindow = true;
      r = await api('/api/forums/' + encodeURIComponent(forum.id), { method: 'PATCH', auth: true, body });
    } else {
      r = await api('/api/forums', { method: 'POST', auth: true, body: { ...body, regionCode: f.regionCode.value } });
    }
    button.disabled = false;
    if (!r.ok) {
      if (r.status === 409 && forum) notice(form.querySelector('[role=alert]'), t('setup.conflict'), 'err');
      else showProblem(form, r);
      return;
    }
    if (!forum) {
      location.href = '/setup.html?forum=' + encodeURIComponent(r.data.id) + '&created=1';
      return;
    }
    revision = r.data.revision;
    hadWindow = !!(r.data.registrationOpensAt || r.data.registrationClosesAt);
    fill(r.data);
    notice(form.querySelector('[role=alert]'), t('setup.saved'), 'ok');
  });
  if (forum && new URLSearchParams(location.search).get('created')) {
    notice($('#status'), t('setup.created'), 'ok');
    // Said once: a reload or a bookmark of this address should not announce it again.
    history.replaceState(null, '', '/setup.html?forum=' + encodeURIComponent(forum.id));
  }
}

/** One session row; a saved session keeps its code (participants may have chosen it) and stays. */
function addSession(s, saved) {
  const rows = $('#session-rows');
  const i = rows.children.length;
  const input = (key, label, attrs = {}) => {
    const name = `sessions[${i}].${key}`;
    const idAttr = `s${i}-${key}`;
    const field = el('input', { id: idAttr, name, type: 'text', 'aria-describedby': 'err-' + idAttr, ...attrs });
    field.value = s[key] ?? '';
    return el('div', { class: 'field' }, el('label', { for: idAttr, text: t(label) }), field,
      el('p', { class: 'error', id: 'err-' + idAttr, 'data-error-for': name }));
  };
  const row = el('li', { class: 'card session' },
    input('code', 'setup.sessionCode', { maxlength: 40, spellcheck: 'false', autocomplete: 'off', readonly: saved }),
    input('titleRu', 'setup.titleRu', { maxlength: 300 }),
    input('titleKk', 'setup.titleKk', { maxlength: 300 }),
    input('capacity', 'setup.sessionCapacity', { type: 'number', min: 1, max: 100000, step: 1, inputmode: 'numeric' }));
  if (!saved) {
    const remove = el('button', { type: 'button', class: 'secondary', text: t('setup.removeSession') });
    remove.addEventListener('click', () => {
      row.remove();
      renumberSessions();
    });
    row.append(el('div', { class: 'actions' }, remove));
  }
  rows.append(row);
  return row;
}

/** Field errors come back as sessions[N].field, so names follow the rows' order. */
function renumberSessions() {
  $$('#session-rows > li').forEach((row, i) => {
    $$('[name]', row).forEach((n) => { n.name = n.name.replace(/^sessions\[\d+\]/, `sessions[${i}]`); });
    $$('[data-error-for]', row).forEach((n) => { n.dataset.errorFor = n.dataset.errorFor.replace(/^sessions\[\d+\]/, `sessions[${i}]`); });
  });
}

function toLocalInput(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function toInstant(local) {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

// ---- the project catalogue (feedback-service learns a new forum from its event, a moment later)

async function showProjects(id) {
  const section = $('#projects');
  section.hidden = false;
  const base = '/api/forums/' + encodeURIComponent(id) + '/projects';
  const pstatus = $('#projects-status');

  async function load() {
    const r = await api(base);
    if (!r.ok) return r;
    $('#project-list').replaceChildren(...r.data.map(projectRow));
    return r;
  }

  let r = await load();
  for (let tries = 0; !r.ok && r.status === 404 && tries < 30; tries++) {
    notice(pstatus, t('setup.catalogueWaiting'));
    await new Promise((ok) => setTimeout(ok, 2000));
    r = await load();
  }
  if (!r.ok) {
    notice(pstatus, problemText(r), 'err');
    return;
  }
  pstatus.textContent = '';

  function projectRow(p) {
    const key = 'pr-' + p.code;
    const field = (name, label, value) => el('div', { class: 'field' },
      el('label', { for: `${key}-${name}`, text: t(label) }),
      Object.assign(el('input', { id: `${key}-${name}`, name, type: 'text', maxlength: 200, 'aria-describedby': `err-${key}-${name}` }), { value }),
      el('p', { class: 'error', id: `err-${key}-${name}`, 'data-error-for': name }));
    const form = el('form', { class: 'card project', novalidate: true, 'data-code': p.code },
      el('h3', {}, el('span', { class: 'badge', text: p.code }), ' ', nameOf(p)),
      el('p', { role: 'alert' }),
      field('nameRu', 'setup.nameRu', p.nameRu || ''),
      field('nameKk', 'setup.nameKk', p.nameKk || ''));
    const save = el('button', { type: 'submit', class: 'secondary', text: t('common.save') });
    const retire = el('button', { type: 'button', class: 'secondary retire', text: t('setup.retire') });
    form.append(el('div', { class: 'actions' }, save, retire));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const body = { nameRu: form.elements.nameRu.value.trim() || null, nameKk: form.elements.nameKk.value.trim() || null };
      const res = await api(`${base}/${encodeURIComponent(p.code)}`, { method: 'PUT', auth: true, body });
      if (!res.ok) {
        showProblem(form, res);
        return;
      }
      form.querySelector('h3').replaceChildren(el('span', { class: 'badge', text: p.code }), ' ', nameOf(res.data));
      notice(form.querySelector('[role=alert]'), t('setup.saved'), 'ok');
    });
    retire.addEventListener('click', async () => {
      if (!confirm(t('setup.retireConfirm', nameOf(p)))) return;
      const res = await api(`${base}/${encodeURIComponent(p.code)}`, { method: 'DELETE', auth: true });
      notice(pstatus, res.ok ? t('setup.retired', nameOf(p)) : problemText(res), res.ok ? 'ok' : 'err');
      if (res.ok) load();
    });
    return el('li', {}, form);
  }

  const add = $('#project-form');
  add.hidden = false;
  add.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(add);
    const v = (name) => add.elements[name].value.trim() || null;
    const body = { code: v('code') && v('code').toUpperCase(), nameRu: v('nameRu'), nameKk: v('nameKk') };
    const res = await api(base, { method: 'POST', auth: true, body });
    if (!res.ok) {
      showProblem(add, res);
      return;
    }
    add.reset();
    await load();
    notice(add.querySelector('[role=alert]'), t('setup.projectAdded', nameOf(res.data)), 'ok');
  });
}
