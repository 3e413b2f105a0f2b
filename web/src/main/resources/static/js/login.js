import { init, api, t, $, login, notice, param, problemText } from './common.js';

await init();
document.title = t('login.title') + ' — ' + t('app.name');
const form = $('#login-form');
const alert = form.querySelector('[role=alert]');
if (param('next')) notice(alert, t('login.required'), 'err');

function failure(result) {
  if (result.status === 401) return t('login.failed');
  if (result.status === 403) return t('login.forbidden');
  if (result.status === 429) return t('login.tooMany', result.retryAfter || '60');
  if (result.status === 0) return problemText(result);
  return t('login.unavailable');
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const button = $('#login');
  button.disabled = true;
  // The password goes to this server once; the session, not this page, keeps what the services need.
  const result = await login(form.elements.username.value, form.elements.password.value);
  button.disabled = false;
  if (!result.ok) {
    form.elements.password.value = '';
    notice(alert, failure(result), 'err');
    form.elements.password.focus();
    return;
  }
  const next = param('next');
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) {
    location.href = next;
    return;
  }
  const forums = await api('/api/forums');
  const first = forums.ok && forums.data.length ? forums.data[0].id : null;
  location.href = '/dashboard.html' + (first ? '?forum=' + encodeURIComponent(first) : '');
});
