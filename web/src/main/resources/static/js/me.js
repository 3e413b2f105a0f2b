import { init, api, el, t, $, nameOf, loadForum, showProblem, clearErrors, notice, problemText, savedCode, saveCode, param, formatDate } from './common.js';
import { showTicket } from './ticket.js';

await init();
document.title = t('me.title') + ' — ' + t('app.name');
const status = $('#status');
const forum = await loadForum(status);
if (forum) {
  const codeForm = $('#code-form');
  codeForm.hidden = false;
  $('#code').value = param('code') || savedCode(forum.id);
  const q = '?forum=' + encodeURIComponent(forum.id);
  $('#ask-link').href = '/ask.html' + q;
  $('#wall-link').href = '/wall.html' + q;

  async function open() {
    const code = $('#code').value.trim();
    if (!code) return;
    const r = await api('/api/me', { code });
    if (!r.ok) {
      $('#details').hidden = true;
      notice(status, r.status === 404 || r.status === 403 ? t('me.notFound') : problemText(r), 'err');
      return;
    }
    saveCode(forum.id, code);
    status.textContent = '';
    status.className = '';
    show(r.data, code);
  }

  function show(reg, code) {
    $('#details').hidden = false;
    $('#reg-status').textContent = t('reg.status', t('status.' + reg.status)) +
      (reg.waitlistPosition ? ' · ' + t('reg.waitlist', reg.waitlistPosition) : '');
    const role = forum.roles.find((r) => r.code === reg.role);
    const district = forum.districts.find((d) => d.code === reg.district);
    const facts = [
      ['reg.fullName', reg.fullName], ['reg.role', role ? nameOf(role) : reg.role],
      ['reg.district', district ? nameOf(district) : reg.district], ['reg.ruralDistrict', reg.ruralDistrict],
      ['reg.organisation', reg.organisation], ['reg.position', reg.position],
      ['reg.phone', reg.phone], ['reg.email', reg.email],
      ['ci.title', reg.checkedInAt ? formatDate(reg.checkedInAt, true) : null]];
    $('#facts').replaceChildren(...facts.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', { text: t(k) }), el('dd', { text: v })]));
    const f = $('#edit-form').elements;
    f.fullName.value = reg.fullName || '';
    f.organisation.value = reg.organisation || '';
    f.position.value = reg.position || '';
    f.language.value = reg.language || 'ru';
    const active = reg.status !== 'CANCELLED' && reg.status !== 'DECLINED';
    $('#edit-form').hidden = !active;
    $('#cancel').hidden = !active;
    if (reg.status === 'REGISTERED') showTicket(code, $('#ticket'), $('#ticket-img'), t('reg.ticketAlt'));
    else $('#ticket').hidden = true;
  }

  codeForm.addEventListener('submit', (e) => { e.preventDefault(); open(); });
  $('#edit-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = $('#edit-form');
    clearErrors(form);
    const f = form.elements;
    const body = { fullName: f.fullName.value.trim() || null, organisation: f.organisation.value.trim(),
      position: f.position.value.trim(), language: f.language.value };
    const code = $('#code').value.trim();
    const r = await api('/api/me', { method: 'PATCH', body, code });
    if (!r.ok) {
      showProblem(form, r);
      return;
    }
    show(r.data, code);
    notice(form.querySelector('[role=alert]'), t('me.saved'));
  });
  $('#cancel').addEventListener('click', async () => {
    if (!window.confirm(t('me.cancelConfirm'))) return;
    const code = $('#code').value.trim();
    const r = await api('/api/me', { method: 'DELETE', code });
    if (!r.ok) {
      notice(status, problemText(r), 'err');
      return;
    }
    show(r.data, code);
    notice(status, t('me.cancelled'));
  });
  await open();
}
