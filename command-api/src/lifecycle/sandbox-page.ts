const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character);

/**
 * The sandbox's stand-in for a bank's 3-D Secure page. Plain HTML forms (no script: the gateway's
 * content security policy allows none inline), posting the outcome in the query since a form
 * cannot send JSON.
 */
export function sandboxActionPage(reference: string): string {
  const action = `/api/payments/sandbox/actions/${encodeURIComponent(reference)}`;
  const button = (outcome: 'succeeded' | 'failed', label: string) =>
    `<form method="post" action="${escapeHtml(`${action}?outcome=${outcome}`)}"><button type="submit">${label}</button></form>`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Sandbox payment authentication</title></head><body>',
    '<h1>Sandbox payment authentication</h1>',
    `<p>Payment <code>${escapeHtml(reference)}</code> waits for the customer's confirmation.</p>`,
    button('succeeded', 'Complete authentication'),
    button('failed', 'Fail authentication'),
    '</body></html>',
  ].join('\n');
}
