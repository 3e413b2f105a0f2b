import { init, api, el, t, $, nameOf, titleOf, formatDate, loadForum, showProblem, clearErrors, notice, saveCode, randomKey, lang } from './common.js';
import { showTicket } from './ticket.js';

await init();
const status = $('#status');
const form = $('#register-form');
const forum = await loadForum(status);
if (forum) {
  document.title = t('reg.title') + ' — ' + titleOf(forum);
  $('#title').textContent = t('reg.title') + ': ' + titleOf(forum);
  $('#forum-info').textContent = [formatDate(forum.startsOn), forum.venue].filter(Boolean).join(' · ');
  const choose = () => el('option', { value: '', text: t('reg.choose') });
  $('#role').replaceChildren(choose(), ...forum.roles.map((r) => el('option', { value: r.code, text: nameOf(r) })));
  $('#district').replaceChildren(choose(), ...forum.districts.map((d) => el('option', { value: d.code, text: nameOf(d) })));
  $('#language').value = lang() === 'kk' ? 'kk' : 'ru';
  if (forum.sessions && forum.sessions.length) {
    $('#sessions-field').hidden = false;
    $('#sessions').replaceChildren(...forum.sessions.map((s) => el('div', { class: 'check' },
      el('input', { type: 'checkbox', id: 'session-' + s.code, name: 'sessions', value: s.code }),
      el('label', { for: 'session-' + s.code, text: lang() === 'kk' ? s.titleKk || s.titleRu : s.titleRu || s.titleKk }))));
  }
  $('#role').addEventListener('change', () => {
    $('#elected-field').hidden = $('#role').value !== 'RURAL_AKIM';
  });
  form.hidden = false;

  // One key per filled form: a retry after a lost answer gets the same registration, not a second.
  const idempotencyKey = randomKey();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const v = (name) => form.elements[name].value.trim() || null;
    const body = {
      fullName: v('fullName'),
      role: v('role'),
      district: v('district'),
      ruralDistrict: v('ruralDistrict'),
      organisation: v('organisation'),
      position: v('position'),
      elected: v('role') === 'RURAL_AKIM' ? form.elements.elected.checked : false,
      partyMember: form.elements.partyMember.checked,
      phone: v('phone'),
      email: v('email'),
      language: v('language'),
      consent: form.elements.consent.checked,
      sessions: [...form.querySelectorAll('input[name=sessions]:checked')].map((c) => c.value),
    };
    const button = $('#submit');
    button.disabled = true;
    button.textContent = t('reg.sending');
    const r = await api(`/api/forums/${encodeURIComponent(forum.id)}/registrations`, {
      method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
    button.disabled = false;
    button.textContent = t('reg.submit');
    if (!r.ok) {
      if (r.status === 409) notice(form.querySelector('[role=alert]'), t('reg.duplicate'), 'err');
      else showProblem(form, r);
      return;
    }
    showConfirmation(r.data);
  });
}

async function showConfirmation(result) {
  saveCode(forum.id, result.accessCode);
  form.hidden = true;
  const section = $('#confirmation');
  section.hidden = false;
  const statusText = t('status.' + result.status);
  $('#reg-status').textContent = t('reg.status', statusText) +
    (result.waitlistPosition ? ' · ' + t('reg.waitlist', result.waitlistPosition) : '');
  $('#access-code').textContent = result.accessCode;
  // The code travels in the fragment: it is never sent to a server or written to an access log.
  const personal = `${location.origin}/me.html#forum=${encodeURIComponent(forum.id)}&code=${encodeURIComponent(result.accessCode)}`;
  const a = $('#personal-link');
  a.href = personal;
  a.textContent = personal;
  $('#ask-link').href = '/ask.html?forum=' + encodeURIComponent(forum.id);
  $('#done-title').focus();
  if (result.status === 'REGISTERED') {
    await showTicket(result.accessCode, $('#ticket'), $('#ticket-img'), t('reg.ticketAlt'));
  }
}
