import { init, api, el, t, $, nameOf, titleOf, loadForum, notice, problemText, requireStaff, logout, formatDate, download } from './common.js';
import { barChart } from './charts.js';

await init('staff');
if (requireStaff()) {
  const status = $('#status');
  const forum = await loadForum(status);
  if (forum) start(forum);
}

function start(forum) {
  document.title = t('dash.title') + ' — ' + titleOf(forum);
  $('#title').textContent = t('dash.title') + ': ' + titleOf(forum);
  const base = '/api/forums/' + encodeURIComponent(forum.id);
  const status = $('#status');
  let projects = [];

  const districtName = (code) => nameOf(forum.districts.find((d) => d.code === code)) || code;
  const roleName = (code) => nameOf(forum.roles.find((r) => r.code === code)) || code;
  const projectName = (code) => nameOf(projects.find((p) => p.code === code)) || code;
  const sorted = (map, name) => Object.entries(map || {}).filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1]).map(([k, v]) => ({ key: k, label: name(k), value: v }));

  async function attendance() {
    const r = await api(base + '/reports/attendance', { auth: true });
    if (!r.ok) {
      notice(status, problemText(r), 'err');
      return;
    }
    const a = r.data;
    $('#stat-registered').textContent = a.total;
    $('#stat-checked-in').textContent = `${a.checkedIn} (${Math.round((a.checkInRate || 0) * 100)}%)`;
    const bar = $('#checkin-progress');
    const pct = Math.round((a.checkInRate || 0) * 100);
    bar.firstElementChild.style.width = pct + '%';
    bar.setAttribute('aria-valuenow', String(pct));
    $('#elected').textContent = t('dash.elected', a.elected, a.appointed, a.partyMembers);
    barChart($('#chart-district'), sorted(a.byDistrict, districtName), 'district');
    barChart($('#chart-role'), sorted(a.byRole, roleName), 'role');
    barChart($('#chart-status'), sorted(a.byStatus, (s) => t('status.' + s)), 'status');
    stamp();
  }

  async function faq() {
    const r = await api(base + '/reports/faq?limit=500', { auth: true });
    if (!r.ok) {
      notice(status, problemText(r), 'err');
      return;
    }
    const groups = r.data.groups || [];
    const byProject = new Map();
    let answered = 0;
    for (const g of groups) {
      const p = byProject.get(g.project) || { open: 0, answered: 0 };
      const a = Math.min(g.answered || 0, g.count);
      p.answered += a;
      p.open += g.count - a;
      answered += a;
      byProject.set(g.project, p);
    }
    const questions = r.data.questions ?? groups.reduce((s, g) => s + g.count, 0);
    $('#stat-questions').textContent = questions;
    $('#stat-answered').textContent = answered;
    $('#stat-open').textContent = Math.max(0, questions - answered);
    barChart($('#chart-faq'), [...byProject.entries()]
      .sort((a, b) => (b[1].open + b[1].answered) - (a[1].open + a[1].answered))
      .map(([code, p]) => ({ key: code, label: projectName(code),
        parts: [{ value: p.open, cls: 'open' }, { value: p.answered, cls: 'answered' }] })), 'faq');
    $('#faq-list').replaceChildren(...groups.slice(0, 15).map((g) => el('li', { class: 'card faq-group', 'data-group': g.groupId },
      el('p', { class: 'text', text: g.representativeText || '' }),
      el('p', { class: 'meta', text: [projectName(g.project), t('dash.asked', g.count),
        g.answered ? t('wall.answered') : t('dash.open')].join(' · ') }))));
    if (!groups.length) $('#faq-list').replaceChildren(el('li', { text: t('common.none') }));
    stamp();
  }

  function stamp() {
    $('#updated').textContent = t('dash.updated', formatDate(new Date(), true));
  }

  // A report changed: fetch it again, at most once per half second per report.
  const pending = {};
  function changed(report) {
    const load = report === 'attendance' ? attendance : report === 'faq' ? faq : null;
    if (!load || pending[report]) return;
    pending[report] = setTimeout(() => { pending[report] = null; load(); }, 500);
  }

  function setLive(state) {
    const live = $('#live');
    live.className = 'live ' + (state === 'on' ? 'on' : state === 'off' ? 'off' : '');
    live.textContent = t(state === 'on' ? 'dash.live' : state === 'off' ? 'dash.offline' : 'dash.connecting');
  }

  // Server-Sent Events read with fetch: a failed EventSource cannot tell a 401 (log in again) from
  // a network drop. The staff session cookie authenticates it; the web app adds the credential.
  async function live() {
    for (;;) {
      setLive('connecting');
      try {
        const response = await fetch(base + '/reports/live', {
          headers: { Accept: 'text/event-stream' }, credentials: 'same-origin' });
        if (response.status === 401) {
          logout();
          location.replace('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
          return;
        }
        if (!response.ok || !response.body) throw new Error('status ' + response.status);
        setLive('on');
        // Catch up with whatever changed while the stream was down.
        attendance();
        faq();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = block.split('\n').find((l) => l.startsWith('event:'));
            if (name) changed(name.slice(6).trim());
          }
        }
      } catch {
        // fall through to reconnect
      }
      setLive('off');
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }

  $('#refresh').addEventListener('click', () => { attendance(); faq(); });
  $('#print').addEventListener('click', () => window.print());
  const fail = (r) => { if (r && !r.ok) notice(status, problemText(r), 'err'); };
  $('#export-csv').addEventListener('click', async () => fail(await download(base + '/exports/registrations.csv', 'registrations.csv')));
  $('#export-xlsx').addEventListener('click', async () => fail(await download(base + '/exports/registrations.xlsx', 'registrations.xlsx')));
  $('#export-faq').addEventListener('click', () => exportFaq());

  async function exportFaq() {
    const r = await api(base + '/reports/faq?limit=500', { auth: true });
    if (!r.ok) return fail(r);
    const q = (s) => '"' + String(s ?? '').replace(/"/g, '""') + '"';
    const lines = [['project', 'question', 'count', 'answered', 'supporters'].join(',')];
    for (const g of r.data.groups || []) lines.push([q(projectName(g.project)), q(g.representativeText), g.count, g.answered || 0, g.supporters || 0].join(','));
    const url = URL.createObjectURL(new Blob(['\ufeff' + lines.join('\r\n')], { type: 'text/csv' }));
    const a = el('a', { href: url, download: 'faq.csv' });
    document.body.append(a);
    a.click();
    a.remove();
  }

  (async () => {
    const pr = await api(base + '/projects');
    projects = pr.ok ? pr.data : [];
    await Promise.all([attendance(), faq()]);
    live();
  })();
}
