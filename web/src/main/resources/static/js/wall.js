import { init, api, el, t, $, nameOf, titleOf, loadForum, notice, problemText, savedCode, saveCode, formatDate } from './common.js';
import { questionCard } from './questions.js';

const REFRESH_MS = 15000;
await init();
const status = $('#status');
const forum = await loadForum(status);
if (forum) {
  document.title = t('wall.title') + ' — ' + titleOf(forum);
  $('#title').textContent = t('wall.title') + ': ' + titleOf(forum);
  const base = '/api/forums/' + encodeURIComponent(forum.id);
  const pr = await api(base + '/projects');
  const projects = pr.ok ? pr.data : [];
  $('#project').replaceChildren(el('option', { value: '', text: t('common.all') }),
    ...projects.map((p) => el('option', { value: p.code, text: nameOf(p) })));
  $('#wall-form').hidden = false;
  const codeInput = $('#code');
  codeInput.value = savedCode(forum.id);
  // Questions this device supported, so the button offers to withdraw.
  const supportedKey = 'fp.supported.' + forum.id;
  const supported = new Set(JSON.parse(localStorage.getItem(supportedKey) || '[]'));
  let page = 0;

  async function load() {
    const q = new URLSearchParams({ sort: $('#sort').value, page: String(page), size: '20' });
    if ($('#project').value) q.set('project', $('#project').value);
    const r = await api(`${base}/questions?${q}`);
    if (!r.ok) {
      notice(status, problemText(r), 'err');
      return;
    }
    status.textContent = '';
    status.className = '';
    const items = r.data.items || [];
    $('#wall-list').replaceChildren(...(items.length ? items.map(card) : [el('li', { text: t('common.none') })]));
    $('#updated').textContent = t('wall.updated', formatDate(new Date(), true));
    const pages = Math.max(1, Math.ceil((r.data.total || 0) / (r.data.size || 20)));
    $('#prev').hidden = page === 0;
    $('#next').hidden = page + 1 >= pages;
  }

  function card(q) {
    const button = el('button', { type: 'button', class: 'secondary support' });
    const label = (count) => (button.textContent = t(supported.has(q.id) ? 'wall.supported' : 'wall.support', count));
    label(q.supportCount);
    button.setAttribute('aria-pressed', String(supported.has(q.id)));
    button.addEventListener('click', async () => {
      const code = codeInput.value.trim();
      if (!code) {
        notice(status, t('wall.needCode'), 'err');
        codeInput.focus();
        return;
      }
      button.disabled = true;
      const withdraw = supported.has(q.id);
      const r = await api(`${base}/questions/${encodeURIComponent(q.id)}/support`, { method: withdraw ? 'DELETE' : 'POST', code });
      button.disabled = false;
      if (!r.ok) {
        notice(status, problemText(r), 'err');
        return;
      }
      saveCode(forum.id, code);
      if (r.data.supported) supported.add(q.id); else supported.delete(q.id);
      localStorage.setItem(supportedKey, JSON.stringify([...supported]));
      button.setAttribute('aria-pressed', String(r.data.supported));
      label(r.data.supportCount);
    });
    const author = q.anonymous || !q.authorName ? t('wall.anonymous') : q.authorName;
    return questionCard({ ...q, supportCount: 0 }, projects, [
      el('p', { class: 'meta', text: author }),
      el('div', { class: 'actions' }, button)]);
  }

  $('#project').addEventListener('change', () => { page = 0; load(); });
  $('#sort').addEventListener('change', () => { page = 0; load(); });
  $('#prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  $('#next').addEventListener('click', () => { page += 1; load(); });
  await load();
  // Live enough for a hall screen, cheap on a village connection: refresh only while visible.
  setInterval(() => { if (document.visibilityState === 'visible') load(); }, REFRESH_MS);
}
