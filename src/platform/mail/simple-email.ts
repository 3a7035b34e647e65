// The plain layout of Mercato's transactional emails: greeting, paragraphs, a facts table, a list
// and a footer, as text and as (escaped) HTML. Templates supply localized strings only.

export type SimpleEmail = {
  subject: string;
  hello: string;
  paragraphs: string[];
  facts?: [string, string][];
  listTitle?: string;
  list?: string[];
  footer?: string;
};

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

export function renderSimpleEmail(e: SimpleEmail): { subject: string; text: string; html: string } {
  const facts = e.facts ?? [];
  const list = e.list ?? [];
  const text = [
    e.hello,
    '',
    ...e.paragraphs.flatMap((p) => [p, '']),
    ...(facts.length ? [...facts.map(([k, v]) => `${k}: ${v}`), ''] : []),
    ...(list.length ? [`${e.listTitle ?? ''}:`, ...list.map((l) => `- ${l}`), ''] : []),
    ...(e.footer ? [e.footer] : []),
  ]
    .join('\n')
    .trimEnd();
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<p>${escapeHtml(e.hello)}</p>${e.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}
${facts.length ? `<table>${facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>` : ''}
${list.length ? `<p>${escapeHtml(e.listTitle ?? '')}:</p><ul>${list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : ''}
${e.footer ? `<p>${escapeHtml(e.footer)}</p>` : ''}</body></html>`;
  return { subject: e.subject, text, html };
}
