import { init, api, t, $, setStaff, logout, notice, param, problemText } from './common.js';

await init();
document.title = t('login.title') + ' — ' + t('app.name');
const form = $('#login-form');
const alert = form.querySelector('[role=alert]');
if (param('next')) notice(alert, t('login.required'), 'err');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const user = form.elements.user.value;
  setStaff(user, form.elements.password.value);
  // Check the password on a page every staff role may read: the forum list with reports.
  const forums = await api('/api/forums');
  const first = forums.ok && forums.data.length ? forums.data[0].id : null;
  if (first) {
    const probe = await api(`/api/forums/${encodeURIComponent(first)}/reports/attendance`, { auth: true, relogin: false });
    if (probe.status === 401 || probe.status === 0) {
      logout();
      notice(alert, probe.status === 0 ? problemText(probe) : t('login.failed'), 'err');
      return;
    }
  }
  const next = param('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next
    : '/dashboard.html' + (first ? '?forum=' + encodeURIComponent(first) : '');
  location.href = target;
});
