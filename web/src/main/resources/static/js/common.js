// Shared by every page: language, translations, the API client, problem details, small DOM helpers.
// User data is only ever set with textContent (never innerHTML).

const LANGS = ['ru', 'kk', 'en'];
const LANG_KEY = 'fp.lang';
let messages = {};

export function lang() {
  const stored = localStorage.getItem(LANG_KEY);
  return LANGS.includes(stored) ? stored : 'ru';
}

export function t(key, ...args) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** Create an element; attributes are set as attributes, children appended as text or nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

/** A parameter from the query string or, for personal links, the fragment (never sent to servers). */
export function param(name) {
  const fromQuery = new URLSearchParams(location.search).get(name);
  if (fromQuery) return fromQuery;
  return new URLSearchParams(location.hash.replace(/^#/, '')).get(name);
}

export function forumId() {
  return param('forum');
}

export function nameOf(item) {
  if (!item) return '';
  return lang() === 'kk' ? item.nameKk || item.nameRu : item.nameRu || item.nameKk;
}

export function titleOf(forum) {
  return lang() === 'kk' ? forum.titleKk || forum.titleRu : forum.titleRu || forum.titleKk;
}

export function formatDate(value, withTime = false) {
  if (!value) return '';
  const locale = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' }[lang()];
  const opts = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' };
  try {
    return new Intl.DateTimeFormat(locale, opts).format(new Date(value));
  } catch {
    return String(value);
  }
}

// ---- participant code (kept on this device so the participant does not retype it)

export function savedCode(forum) {
  return localStorage.getItem('fp.code.' + forum) || '';
}

export function saveCode(forum, code) {
  if (forum && code) localStorage.setItem('fp.code.' + forum, code.trim());
}

// ---- staff login: the server keeps the credential in the session; this page knows only who it is

let current = null;

/** The logged-in staff member ({user, role}) as the server told init('staff'), or null. */
export function staff() {
  return current;
}

/** The CSRF token the server set as a cookie; sent back as a header on every non-GET request. */
function csrfToken() {
  const c = document.cookie.split('; ').find((p) => p.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.slice('XSRF-TOKEN='.length)) : '';
}

/** Any answer from this server sets a missing token cookie; /session is the cheapest. */
async function ensureCsrfToken() {
  if (!csrfToken()) {
    try {
      await fetch('/session', { headers: { Accept: 'application/json' } });
    } catch {
      // the request that needs the token will report the network failure
    }
  }
  return csrfToken();
}

async function loadSession() {
  try {
    const r = await fetch('/session', { headers: { Accept: 'application/json' } });
    const s = r.ok ? await r.json() : null;
    current = s && s.authenticated ? { user: s.user, role: s.role } : null;
  } catch {
    current = null;
  }
}

/**
 * Logs in with the form's name and password. Returns {ok, status, data, retryAfter}: data is
 * {user, role} on success, a problem detail otherwise; network failures resolve with status 0.
 */
export async function login(user, password) {
  const token = await ensureCsrfToken();
  let response;
  try {
    response = await fetch('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'X-XSRF-TOKEN': token },
      body: new URLSearchParams({ username: user, password }),
    });
  } catch {
    return { ok: false, status: 0, data: { detail: t('common.offline') } };
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (response.ok) current = data;
  return { ok: response.ok, status: response.status, data, retryAfter: response.headers.get('Retry-After') };
}

/** Ends the session on the server; keepalive lets it finish when the page navigates away at once. */
export async function logout() {
  current = null;
  const token = await ensureCsrfToken();
  try {
    await fetch('/logout', { method: 'POST', keepalive: true, headers: { 'X-XSRF-TOKEN': token } });
  } catch {
    // offline: the session ends by itself after its idle timeout
  }
}

/** Sends the staff to the login page (and back here afterwards) when not logged in. */
export function requireStaff() {
  if (current) return true;
  location.replace('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
  return false;
}

// ---- API

/**
 * Calls the API through this server. Returns {ok, status, data, response}; data is the parsed JSON
 * (a problem detail when !ok) or null. Network failures resolve with status 0. A staff call (auth)
 * answered 401 goes to the login page: the session ended or was never there.
 */
export async function api(path, { method = 'GET', body, code, auth = false, headers = {}, raw = false, relogin = true } = {}) {
  const h = { 'Accept-Language': lang(), Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (code) h['X-Participant-Code'] = code;
  if (!['GET', 'HEAD'].includes(method.toUpperCase())) h['X-XSRF-TOKEN'] = await ensureCsrfToken();
  let response;
  try {
    response = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, data: { detail: t('common.offline') } };
  }
  if (auth && relogin && response.status === 401) {
    logout();
    requireStaff();
  }
  if (raw) return { ok: response.ok, status: response.status, response };
  let data = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      data = await response.json();
    } catch {
      data = null;
    }
  }
  return { ok: response.ok, status: response.status, data, response };
}

export function problemText(result) {
  if (result.status === 0) return t('common.offline');
  const d = result.data || {};
  if (d.code === 'csrf') return t('common.csrf');
  return d.detail || d.title || (result.status === 403 ? t('login.forbidden') : t('common.error'));
}

/**
 * Shows a problem detail on a form: each {field, message} next to its input (an element with
 * data-error-for="field"), the rest in the form's alert. Returns true when field errors were shown.
 */
export function showProblem(form, result, alertEl) {
  clearErrors(form);
  const errors = (result.data && Array.isArray(result.data.errors)) ? result.data.errors : [];
  let placed = 0;
  let first = null;
  for (const e of errors) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(e.field || '')}"]`);
    if (!slot) continue;
    slot.textContent = slot.textContent ? slot.textContent + ' ' + e.message : e.message;
    const input = form.querySelector(`[name="${CSS.escape(e.field)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
    placed++;
  }
  const unplaced = errors.filter((e) => !form.querySelector(`[data-error-for="${CSS.escape(e.field || '')}"]`));
  const alert = alertEl || form.querySelector('[role=alert]');
  if (alert) {
    alert.className = 'notice err';
    alert.textContent = placed
      ? [t('reg.fixErrors'), ...unplaced.map((e) => e.message)].join(' ')
      : problemText(result);
  }
  if (first) first.focus();
  return placed > 0;
}

export function clearErrors(form) {
  $$('[data-error-for]', form).forEach((s) => (s.textContent = ''));
  $$('[aria-invalid]', form).forEach((i) => i.removeAttribute('aria-invalid'));
  const alert = form.querySelector('[role=alert]');
  if (alert) alert.textContent = '';
}

export function notice(target, text, kind = 'ok') {
  target.className = 'notice ' + kind;
  target.textContent = text;
}

/** A random key for Idempotency-Key; crypto.randomUUID needs a secure context, this does not. */
export function randomKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

// ---- page frame: header, navigation, language switch, translations

function applyTranslations(root = document) {
  $$('[data-i18n]', root).forEach((n) => (n.textContent = t(n.dataset.i18n)));
  $$('[data-i18n-placeholder]', root).forEach((n) => n.setAttribute('placeholder', t(n.dataset.i18nPlaceholder)));
  $$('[data-i18n-aria]', root).forEach((n) => n.setAttribute('aria-label', t(n.dataset.i18nAria)));
}

function link(href, key) {
  const a = el('a', { href, text: t(key) });
  if (location.pathname === href.split('?')[0]) a.setAttribute('aria-current', 'page');
  return el('li', {}, a);
}

function renderHeader(area) {
  const header = $('header.top');
  if (!header) return;
  const f = forumId();
  const q = f ? '?forum=' + encodeURIComponent(f) : '';
  const items = area === 'staff'
    ? [link('/dashboard.html' + q, 'nav.dashboard'), link('/moderation.html' + q, 'nav.moderation'),
       link('/checkin.html' + q, 'nav.checkin'), link('/registrations.html' + q, 'nav.registrations')]
    : [link('/index.html', 'nav.forums'), ...(f ? [link('/register.html' + q, 'nav.register'),
       link('/ask.html' + q, 'nav.ask'), link('/wall.html' + q, 'nav.wall')] : []),
       link('/login.html', 'nav.staff')];
  const nav = el('nav', { 'aria-label': t('nav.main') }, el('ul', {}, ...items));
  const select = el('select', { id: 'lang', name: 'lang' },
    ...LANGS.map((l) => el('option', { value: l, selected: l === lang(), text: { ru: 'Русский', kk: 'Қазақша', en: 'English' }[l] })));
  select.addEventListener('change', () => {
    localStorage.setItem(LANG_KEY, select.value);
    location.reload();
  });
  const right = el('div', {}, el('label', { for: 'lang', text: t('lang.label') + ' ' }), select);
  if (area === 'staff' && staff()) {
    const out = el('button', { type: 'button', class: 'secondary', id: 'logout', text: t('nav.logout') });
    out.addEventListener('click', async () => {
      await logout();
      location.href = '/login.html';
    });
    right.append(' ', el('span', { text: t('login.as', staff().user) + ' ' }), out);
  }
  header.replaceChildren(el('div', { class: 'row' },
    el('a', { class: 'brand', href: '/index.html', text: t('app.name') }), nav, right));
}

/** Loads the translations of the chosen language and renders the page frame. */
export async function init(area = 'participant') {
  document.documentElement.lang = lang();
  const session = area === 'staff' ? loadSession() : null;
  try {
    const r = await fetch(`/i18n/${lang()}.json`);
    messages = await r.json();
  } catch {
    messages = {};
  }
  await session;
  renderHeader(area);
  applyTranslations();
  document.body.classList.add('ready');
}

/** The forum of the page (from ?forum=), or null after telling the user. */
export async function loadForum(target) {
  const id = forumId();
  if (!id) {
    notice(target, t('common.forumMissing'), 'err');
    return null;
  }
  const r = await api('/api/forums/' + encodeURIComponent(id));
  if (!r.ok) {
    notice(target, r.status === 404 ? t('common.forumMissing') : problemText(r), 'err');
    return null;
  }
  return r.data;
}

/** Downloads an API file that needs the staff login (a plain link cannot send the header). */
export async function download(path, filename) {
  const r = await api(path, { auth: true, raw: true, headers: { Accept: '*/*' } });
  if (!r.ok) return r;
  const url = URL.createObjectURL(await r.response.blob());
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return r;
}
