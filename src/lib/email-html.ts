import { escapeUTF8 as escapeHtml } from 'entities';
import { emailContent, preheader, type EmailContent, type EmailIssue, type EmailItem } from './email-issue.ts';

/**
 * The newsletter as an HTML email document. Mail clients keep little of the web: layout is
 * tables (`role="presentation"`), every colour and size is an inline `style` so clients that
 * strip `<style>` (Gmail's non-Google accounts, many webmails) still show the issue as designed,
 * and Outlook for Windows gets a fixed 600px table in conditional comments since it ignores
 * `max-width`. The one `<style>` block only adds what a client may drop: dark-mode colours
 * (Apple Mail and iOS; Outlook.com through `[data-ogsc]`/`[data-ogsb]`), narrower padding on phones, and un-linking
 * dates that Apple's data detectors would turn blue. The light palette is dark-on-light with
 * no images, so clients that invert colours themselves (Gmail apps, Outlook) stay legible.
 * Text from data is plain (see `emailContent`) and escaped here; hrefs are only http(s).
 */

/** Light colours, inline; dark ones live in the `<style>` block. */
const light = {
  bg: '#fcfcfb',
  text: '#1c1d21',
  muted: '#5b5f6a',
  accent: '#b4451f',
  link: '#1f5fbf',
  rule: '#e3e4e8',
};

/** System fonts: San Francisco on Apple, Segoe UI on Windows (Outlook included), Roboto on Android. */
const font = `-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif`;

/** Dark colours, from the site's palette, for clients that honour `prefers-color-scheme`. */
const darkRules = [
  '.pb-bg{background-color:#131417!important}',
  '.pb-text{color:#e9e9ec!important}',
  '.pb-muted{color:#a3a7b1!important}',
  '.pb-accent{color:#f08a62!important}',
  '.pb-link{color:#8ab4f8!important}',
  '.pb-rule{border-color:#2e3137!important}',
  '.pb-bar{background-color:#f08a62!important}',
];

/** The `<style>` block: nothing essential, only what improves on the inline styles where it is kept. */
const headStyle = [
  ':root{color-scheme:light dark;supported-color-schemes:light dark}',
  'body{margin:0!important;padding:0!important;width:100%!important}',
  'a[x-apple-data-detectors]{color:inherit!important;text-decoration:none!important}',
  '@media (max-width:620px){.pb-pad{padding-left:20px!important;padding-right:20px!important}' +
    '.pb-h1{font-size:26px!important;line-height:32px!important}}',
  `@media (prefers-color-scheme:dark){${darkRules.join('')}}`,
  // Outlook.com marks its own dark mode on an ancestor: `data-ogsb` for backgrounds, `data-ogsc` for the rest.
  ...darkRules.map((rule) => `[data-ogs${rule.includes('background') ? 'b' : 'c'}] ${rule}`),
].join('\n');

/** What a piece of text is, which sets its colour in light and (through its class) dark mode. */
type Role = 'text' | 'muted' | 'accent' | 'link';

/** Inline declarations for a role: its colour first, then the rest. */
const styled = (role: Role, declarations: string) => `color:${light[role]};${declarations}`;

/** An element holding escaped text or trusted markup, coloured inline and classed for dark mode. */
const el = (tag: string, role: Role, declarations: string, html: string, className = '') =>
  `<${tag} class="pb-${role}${className}" style="${styled(role, declarations)}">${html}</${tag}>`;

/** `text` as escaped HTML. */
const esc = (text: string) => escapeHtml(text);

/** A link when `url` is http(s) (checked by `safeUrl`), else the text alone; `role` colours it. */
function link(text: string, url: string | undefined, declarations: string, role: Role = 'link'): string {
  if (!url) return el('span', role === 'link' ? 'text' : role, declarations, esc(text));
  return `<a href="${esc(url)}" class="pb-${role}" style="${styled(role, declarations)}">${esc(text)}</a>`;
}

/** A `<tr>` with one padded cell that sets the font its paragraphs inherit (Outlook included). */
const row = (inner: string, padding: string, ruled = false) =>
  `<tr><td class="pb-pad${ruled ? ' pb-rule' : ''}" style="padding:${padding};font-family:${font};` +
  `${ruled ? `border-top:1px solid ${light.rule}` : ''}">${inner}</td></tr>`;

/** The preview line inbox lists show, hidden in the body; the filler keeps body text out of the preview. */
function hiddenPreheader(text: string): string {
  const hidden = `display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:${light.bg}`;
  return `<div style="${hidden}">${esc(text)}${'&#847;&zwnj;&nbsp;'.repeat(40)}</div>`;
}

/** The accent bar, then the site title and the web-version link. */
function header(content: EmailContent): string {
  const site = 'font-size:15px;line-height:20px;font-weight:700;text-decoration:none';
  const web = 'font-size:13px;line-height:20px;font-weight:700;text-decoration:none';
  const bar = `<td class="pb-bar" style="height:4px;line-height:4px;font-size:4px;background-color:${light.accent}">&nbsp;</td>`;
  const cell = (align: string, html: string) =>
    `<td align="${align}" style="padding:0;font-family:${font};text-align:${align}">${html}</td>`;
  const sides =
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>' +
    cell('left', link(content.siteTitle, content.siteUrl, site, 'text')) +
    cell('right', link('View on the web', content.webUrl, web)) +
    '</tr></table>';
  return `<tr>${bar}</tr>${row(sides, '16px 40px 0')}`;
}

/** The period, the headline, the curator's intro and the paper count. */
function masthead(content: EmailContent): string {
  const eyebrow =
    'margin:0 0 6px;font-size:13px;line-height:20px;font-weight:700;letter-spacing:0.06em;text-transform:uppercase';
  const h1 = `margin:0;font-family:${font};font-size:30px;line-height:36px;font-weight:700`;
  return row(
    el('p', 'accent', eyebrow, esc(content.periodLabel)) +
      el('h1', 'text', h1, esc(content.title), ' pb-h1') +
      content.intro.map((p) => el('p', 'text', 'margin:14px 0 0;font-size:16px;line-height:25px', esc(p))).join('') +
      el('p', 'muted', 'margin:14px 0 0;font-size:14px;line-height:20px', esc(content.count)),
    '28px 40px 24px',
  );
}

/** One paper: topics, linked title, authors, summary and upvotes. */
function paperBlock(item: EmailItem): string {
  const topics =
    'margin:0 0 4px;font-size:12px;line-height:18px;font-weight:700;letter-spacing:0.04em;text-transform:uppercase';
  const h2 = `margin:0;font-family:${font};font-size:19px;line-height:26px;font-weight:700`;
  return row(
    (item.topics.length ? el('p', 'accent', topics, esc(item.topics.join(' · '))) : '') +
      el('h2', 'text', h2, link(item.title, item.url, 'text-decoration:none')) +
      (item.authors ? el('p', 'muted', 'margin:4px 0 0;font-size:14px;line-height:20px', esc(item.authors)) : '') +
      (item.summary ? el('p', 'text', 'margin:8px 0 0;font-size:15px;line-height:23px', esc(item.summary)) : '') +
      (item.upvotes
        ? el('p', 'muted', 'margin:8px 0 0;font-size:13px;line-height:18px', `▲ ${esc(item.upvotes)}`)
        : ''),
    '22px 40px',
    true,
  );
}

/** The closing lines: the site, the period and the web version. */
function footer(content: EmailContent): string {
  const small = 'font-size:13px;line-height:20px';
  const underline = 'text-decoration:underline';
  const site = `${link(content.siteTitle, content.siteUrl, underline)} · ${esc(content.periodLabel)}`;
  return row(
    el('p', 'muted', `margin:0;${small}`, site) +
      el('p', 'muted', `margin:6px 0 0;${small}`, link('View this issue on the web', content.webUrl, underline)),
    '24px 40px 40px',
    true,
  );
}

/** A complete HTML email document for an issue, ready to paste into a mail service. */
export function emailHtml(issue: EmailIssue): string {
  const content = emailContent(issue);
  const body = header(content) + masthead(content) + content.items.map(paperBlock).join('\n') + '\n' + footer(content);
  const bg = `background-color:${light.bg}`;
  return `<!DOCTYPE html>
<html lang="en" xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="x-apple-disable-message-reformatting">
<meta name="format-detection" content="telephone=no, date=no, address=no, email=no, url=no">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${esc(`${content.title} · ${content.siteTitle}`)}</title>
<!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->
<style>${headStyle}
</style>
</head>
<body class="pb-bg" style="margin:0;padding:0;${bg}">
<!-- [html-validate-disable no-deprecated-attr: mail clients still lay out tables by width, align and cellpadding] -->
${hiddenPreheader(preheader(content))}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="pb-bg" style="${bg}"><tr><td align="center" style="padding:0 0 24px">
<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;margin:0 auto">
${body}
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr></table>
</body>
</html>
`;
}
