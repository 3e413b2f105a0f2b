import { init, api, el, t, $, nameOf, titleOf, loadForum, notice, problemText, requireStaff, showProblem, clearErrors } from './common.js';

await init('staff');
if (requireStaff()) {
  const status = $('#status');
  const forum = await loadForum(status);
  if (forum) start(forum, status);
}

function start(forum, status) {
  document.title = t('ci.title') + ' — ' + titleOf(forum);
  $('#title').textContent = t('ci.title') + ': ' + titleOf(forum);
  const base = '/api/forums/' + encodeURIComponent(forum.id);
  const form = $('#checkin-form');
  form.hidden = false;
  const roleName = (c) => nameOf(forum.roles.find((r) => r.code === c)) || c || '';
  const districtName = (c) => nameOf(forum.districts.find((d) => d.code === c)) || c || '';

  async function summary() {
    const r = await api(base + '/registrations/summary', { auth: true });
    if (r.ok) $('#summary').textContent = `${t('dash.checkedIn')}: ${r.data.checkedIn} · ${t('regs.free', r.data.freeSeats, r.data.capacity)}`;
  }

  async function checkIn(value) {
    clearErrors(form);
    // A scanned ticket is long; a typed access code is short.
    const body = value.length > 40 ? { ticket: value } : { accessCode: value };
    const r = await api(base + '/check-ins', { method: 'POST', auth: true, body });
    if (!r.ok) {
      showProblem(form, r);
      $('#result').replaceChildren();
      return;
    }
    const p = r.data;
    const who = [p.fullName, roleName(p.role), districtName(p.district)].filter(Boolean).join(' · ');
    const undo = el('button', { type: 'button', class: 'secondary', text: t('ci.undo') });
    undo.addEventListener('click', async () => {
      const u = await api(`${base}/check-ins/${encodeURIComponent(p.registrationId)}`, { method: 'DELETE', auth: true });
      notice(status, u.ok ? t('ci.undone') : problemText(u), u.ok ? 'ok' : 'err');
      summary();
    });
    $('#result').replaceChildren(el('p', { class: 'notice ' + (p.alreadyCheckedIn ? 'err' : 'ok'), id: 'checkin-result',
      text: t(p.alreadyCheckedIn ? 'ci.already' : 'ci.ok', who) }), undo);
    form.elements.accessCode.value = '';
    form.elements.accessCode.focus();
    summary();
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = form.elements.accessCode.value.trim();
    if (value) checkIn(value);
  });

  // Camera scanning where the browser has a QR detector (Chrome on Android does); else type the code.
  let stream = null;
  $('#scan').addEventListener('click', async () => {
    const video = $('#camera');
    if (stream) {
      stream.getTracks().forEach((tr) => tr.stop());
      stream = null;
      video.hidden = true;
      $('#scan').textContent = t('ci.scan');
      return;
    }
    if (!('BarcodeDetector' in window) || !navigator.mediaDevices) {
      notice(status, t('ci.noCamera'), 'err');
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      notice(status, t('ci.noCamera'), 'err');
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    $('#scan').textContent = t('ci.stopScan');
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    let last = '';
    const tick = async () => {
      if (!stream) return;
      try {
        const codes = await detector.detect(video);
        if (codes.length && codes[0].rawValue !== last) {
          last = codes[0].rawValue;
          await checkIn(last);
        }
      } catch {
        // a frame that could not be read; try the next one
      }
      setTimeout(tick, 300);
    };
    tick();
  });
  summary();
}
