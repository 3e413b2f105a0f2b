import { init, api, el, t, $, nameOf, titleOf, loadForum, showProblem, clearErrors, notice, problemText, savedCode, saveCode, param } from './common.js';
import { questionCard } from './questions.js';

await init();
const status = $('#status');
const form = $('#ask-form');
const forum = await loadForum(status);
let projects = [];
if (forum) {
  document.title = t('ask.title') + ' — ' + titleOf(forum);
  $('#title').textContent = t('ask.title') + ': ' + titleOf(forum);
  const base = '/api/forums/' + encodeURIComponent(forum.id);
  const pr = await api(base + '/projects');
  if (!pr.ok) {
    notice(status, problemText(pr), 'err');
  } else {
    projects = pr.data;
    $('#project').replaceChildren(el('option', { value: '', text: t('reg.choose') }),
      ...projects.map((p) => el('option', { value: p.code, text: nameOf(p) })));
    const preset = param('project');
    if (preset) $('#project').value = preset;
    form.hidden = false;
  }
  const codeInput = $('#code');
  codeInput.value = param('code') || savedCode(forum.id);
  const code = () => codeInput.value.trim();

  // Similar questions while typing: one request after a pause, the last answer wins.
  let timer = null;
  let seq = 0;
  const similarBox = $('#similar');
  async function similar() {
    const text = $('#text').value.trim();
    const project = $('#project').value;
    const mine = ++seq;
    if (text.length < 8 || !project) {
      similarBox.hidden = true;
      return;
    }
    const r = await api(`${base}/questions/similar?project=${encodeURIComponent(project)}&text=${encodeURIComponent(text)}`);
    if (mine !== seq) return;
    const items = r.ok && Array.isArray(r.data) ? r.data : [];
    similarBox.hidden = items.length === 0;
    $('#similar-list').replaceChildren(...items.map((s) => {
      const button = el('button', { type: 'button', class: 'secondary', text: t('wall.support', '+') });
      button.addEventListener('click', () => support(s.questionId, button));
      return el('li', { class: 'similar-item' }, el('span', { text: s.text + ' ' }), button);
    }));
  }
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(similar, 400);
  };
  $('#text').addEventListener('input', schedule);
  $('#project').addEventListener('change', schedule);

  async function support(questionId, button) {
    if (!code()) {
      showProblem(form, { status: 400, data: { errors: [{ field: 'code', message: t('wall.needCode') }] } });
      return;
    }
    button.disabled = true;
    const r = await api(`${base}/questions/${encodeURIComponent(questionId)}/support`, { method: 'POST', code: code() });
    if (r.ok) {
      saveCode(forum.id, code());
      button.textContent = t('wall.supported', r.data.supportCount).split(' — ')[0];
    } else {
      button.disabled = false;
      notice($('#ask-result'), problemText(r), 'err');
    }
  }

  async function loadMine() {
    if (!code()) return;
    const r = await api(base + '/my/questions', { code: code() });
    if (!r.ok) return;
    $('#mine-section').hidden = false;
    $('#my-questions').replaceChildren(...(r.data.length ? r.data.map((q) => questionCard(q, projects))
      : [el('li', { text: t('common.none') })]));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    $('#ask-result').textContent = '';
    const body = {
      project: $('#project').value || null,
      text: $('#text').value.trim() || null,
      anonymous: $('#anonymous').checked,
    };
    const button = $('#submit');
    button.disabled = true;
    const r = await api(base + '/questions', { method: 'POST', body, code: code() || undefined });
    button.disabled = false;
    if (!r.ok) {
      if (r.status === 401 || r.status === 403) {
        showProblem(form, { status: r.status, data: { errors: [{ field: 'code', message: problemText(r) }] } });
      } else {
        showProblem(form, r);
      }
      return;
    }
    saveCode(forum.id, code());
    notice($('#ask-result'), r.data.status === 'PENDING_MODERATION' ? t('ask.sentModerated') : t('ask.sent'));
    $('#text').value = '';
    similarBox.hidden = true;
    await loadMine();
  });
  codeInput.addEventListener('change', loadMine);
  await loadMine();
}
