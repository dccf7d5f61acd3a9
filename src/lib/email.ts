/**
 * The newsletter for a digest day or an ISO week, as HTML and plain text, ready to paste into a
 * mail service: `emailHtml(issue)` for the HTML part, `emailText(issue)` for the text/plain part.
 */
export {
  dayLabel,
  emailContent,
  emailItem,
  preheader,
  safeUrl,
  summaryLength,
  weekLabel,
  type EmailContent,
  type EmailIssue,
  type EmailItem,
} from './email-issue.ts';
export { emailHtml } from './email-html.ts';
export { emailText, textWidth, wrap } from './email-text.ts';
