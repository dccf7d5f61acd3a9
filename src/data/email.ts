import type { APIRoute } from 'astro';
import { comparePapers, type DateGroup } from '../lib/digest.ts';
import { dayLabel, emailHtml, emailText, weekLabel, type EmailIssue } from '../lib/email.ts';
import { absolute, dateUrl, page, paperUrl } from '../lib/urls.ts';
import { settings } from '../settings.ts';
import { loadDigest } from './digest.ts';

/** Papers an issue lists: Gmail cuts messages past ~102 KB, about 80 papers. */
const perIssue = 60;

/** The newsletter issue of a digest day or an ISO week: its first papers in reading order, the rest on the web. */
async function issueOf(group: DateGroup, kind: 'day' | 'week'): Promise<EmailIssue> {
  const digest = await loadDigest();
  const firstDay = group.papers.reduce((min, p) => (p.date < min ? p.date : min), group.papers[0].date);
  const papers = [...group.papers].sort(comparePapers).slice(0, perIssue);
  const more = group.papers.length - papers.length;
  return {
    title: kind === 'day' ? "The day's papers" : "This week's papers",
    intro:
      more > 0
        ? `The ${papers.length} top papers of ${group.papers.length}; the other ${more} are on the web.`
        : undefined,
    periodLabel: kind === 'day' ? dayLabel(group.key) : weekLabel(firstDay),
    papers,
    siteTitle: settings.title,
    siteUrl: absolute(page()),
    webUrl: absolute(dateUrl(group.key)),
    urlOf: (p) => absolute(paperUrl(p.slug)),
    topicName: (id) => digest.topicById.get(id)?.name,
  };
}

/** An endpoint writing the HTML or plain-text newsletter of the group in its props. */
export function emailRoute(kind: 'day' | 'week', format: 'html' | 'txt'): APIRoute {
  return async ({ props }) => {
    const issue = await issueOf((props as { group: DateGroup }).group, kind);
    return format === 'html'
      ? new Response(emailHtml(issue), { headers: { 'content-type': 'text/html; charset=utf-8' } })
      : new Response(emailText(issue), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  };
}
