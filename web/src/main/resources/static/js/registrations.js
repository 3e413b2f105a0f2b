import { init, api, el, t, $, nameOf, titleOf, loadForum, notice, problemText, requireStaff, formatDate, download } from './common.js';

const SIZE = 50;
await init('staff');
if (requireStaff()) {
  const status = $('#status');
  const forum = await loadForum(status);
  if (forum) start(forum, status);
}

function start(forum, status) {
  document.title = t('regs.title') + ' — ' + titleOf(forum);
  $('#title').textContent = t('regs.title') + ': ' + titleOf(forum);
  const base = '/api/forums/' + encodeURIComponent(forum.id);
  const form = $('#filter-form');
  const all = () => el('option', { value: '', text: t('common.all') });
  $('#f-district').replaceChildren(all(), ...forum.districts.map((d) => el('option', { value: d.code, text: nameOf(d) })));
  $('#f-role').replaceChildren(all(), ...forum.roles.map((r) => el('option', { value: r.code, text: nameOf(r) })));
  form.hidden = false;
  const roleName = (c) => nameOf(forum.roles.find((r) => r.code === c)) || c || '';
  const districtName = (c) => nameOf(forum.districts.find((d) => d.code === c)) || c || '';
  let page = 0;

  function filters() {
    const q = new URLSearchParams();
    for (const name of ['q', 'status', 'district', 'role']) {
      const v = form.elements[name].value.trim();
      if (v) q.set(name, v);
    }
    return q;
  }

  async function load() {
    const q = filters();
    q.set('page', String(page));
    q.set('size', String(SIZE));
    const r = await api(`${base}/registrations?${q}`, { auth: true });
    if (!r.ok) {
      notice(status, problemText(r), 'err');
      return;
    }
    const items = r.data.items || [];
    $('#table').hidden = false;
    $('#total').textContent = t('regs.total', r.data.total);
    $('#rows').replaceChildren(...items.map(row));
    const pages = Math.max(1, Math.ceil(r.data.total / SIZE));
    $('#page-info').textContent = t('common.page', page + 1, pages);
    $('#prev').hidden = page === 0;
    $('#next').hidden = page + 1 >= pages;
  }

  function action(reg, name, key) {
    const b = el('button', { type: 'button', class: 'secondary', text: t(key) });
    b.addEventListener('click', async () => {
      const r = await api(`${base}/registrations/${encodeURIComponent(reg.id)}/${name}`, { method: 'POST', auth: true });
      notice(status, r.ok ? t('mod.done') : problemText(r), r.ok ? 'ok' : 'err');
      if (r.ok) load();
    });
    return b;
  }

  function row(reg) {
    const actions = [];
    if (reg.status === 'PENDING') actions.push(action(reg, 'approve', 'regs.approve'));
    if (reg.status === 'PENDING' || reg.status === 'WAITLISTED') actions.push(action(reg, 'decline', 'regs.decline'));
    if (reg.status !== 'CANCELLED' && reg.status !== 'DECLINED') actions.push(action(reg, 'cancel', 'regs.cancel'));
    const contact = [reg.phone, reg.email].filter(Boolean).join(', ');
    return el('tr', { 'data-id': reg.id },
      el('td', {}, el('span', { text: reg.fullName || '—' }), contact ? el('br') : null, contact ? el('small', { text: contact }) : null),
      el('td', { text: roleName(reg.role) }),
      el('td', { text: [districtName(reg.district), reg.ruralDistrict].filter(Boolean).join(', ') }),
      el('td', { text: t('status.' + reg.status) + (reg.waitlistPosition ? ` (${reg.waitlistPosition})` : '') }),
      el('td', { text: reg.checkedInAt ? formatDate(reg.checkedInAt, true) : '' }),
      el('td', {}, el('div', { class: 'actions' }, ...actions)));
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); page = 0; load(); });
  $('#prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  $('#next').addEventListener('click', () => { page += 1; load(); });
  const fail = (r) => { if (r && !r.ok) notice(status, problemText(r), 'err'); };
  $('#export-csv').addEventListener('click', async () => fail(await download(`${base}/exports/registrations.csv?${filters()}`, 'registrations.csv')));
  $('#export-xlsx').addEventListener('click', async () => fail(await download(`${base}/exports/registrations.xlsx?${filters()}`, 'registrations.xlsx')));
  load();
}
