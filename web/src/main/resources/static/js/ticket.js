import { api } from './common.js';

/** Shows the QR ticket (fetched with the access code in a header) in an img; hides it if none. */
export async function showTicket(code, container, img, alt) {
  const r = await api('/api/me/ticket.svg', { code, raw: true, headers: { Accept: 'image/svg+xml' } });
  if (!r.ok) {
    container.hidden = true;
    return false;
  }
  const blob = await r.response.blob();
  img.src = URL.createObjectURL(blob);
  img.alt = alt;
  container.hidden = false;
  return true;
}
