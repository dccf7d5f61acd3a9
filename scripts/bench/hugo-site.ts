import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEntry } from '../../src/lib/entry-file.ts';
import { listFilesSync } from '../../src/lib/files.ts';

/** Hugo's config: topics and digest days as taxonomies, 20 papers a page as on our topic pages. */
const config = `baseURL = "https://example.org/"
languageCode = "en"
title = "Paperboy Digest"
paginate = 20
[taxonomies]
  topic = "topics"
  day = "days"
`;

/** The same fields as our paper page: day, upvotes, title, authors, topics, links, abstract, previous/next. */
const layouts: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}"></head>
<body><header data-pagefind-ignore><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<a href="{{ "topics/" | relURL }}">Topics</a><form action="{{ "search/" | relURL }}"><input name="q" type="search"></form></header>
<main>{{ block "main" . }}{{ end }}</main><footer data-pagefind-ignore>Built with Hugo.</footer></body></html>
`,
  '_default/single.html': `{{ define "main" }}<article data-pagefind-body>
<p data-pagefind-ignore>{{ range .GetTerms "days" }}<a href="{{ .RelPermalink }}">{{ $.Date.Format "January 2, 2006" }}</a>{{ end }}{{ with .Params.upvotes }} · ▲ {{ . }}{{ end }}</p>
<h1>{{ .Title }}</h1>
<p>{{ range $i, $a := .Params.authors }}{{ if $i }}, {{ end }}<span data-pagefind-filter="author">{{ $a }}</span>{{ end }}</p>
<ul>{{ range .GetTerms "topics" }}<li><a href="{{ .RelPermalink }}" data-pagefind-filter="topic">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<p data-pagefind-ignore>{{ range $k, $v := .Params.links }}<a href="{{ $v }}">{{ $k }}</a> {{ end }}</p>
<section><h2 data-pagefind-ignore>Abstract</h2>{{ .Content }}</section></article>
<nav data-pagefind-ignore>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range (.Paginate .Pages).Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <small>{{ with .Params.authors }}{{ delimit . ", " }}{{ end }}</small>
<p>{{ .Summary | truncate 200 }}</p></li>{{ end }}</ol>{{ template "_internal/pagination.html" . }}{{ end }}
`,
  'index.html': `{{ define "main" }}<h1>{{ site.Title }}</h1><ol>{{ range first 50 site.RegularPages.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <small>{{ delimit .Params.authors ", " }}</small></li>{{ end }}</ol>{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
`,
};

/** One entry as a Hugo page: JSON front matter, the abstract as the body. */
function hugoPage(data: Record<string, unknown>): string {
  const front = {
    title: data.title,
    date: data.date,
    slug: data.slug,
    topics: data.topics,
    days: [data.date],
    authors: data.authors ?? [],
    upvotes: data.upvotes,
    links: data.links,
  };
  return `${JSON.stringify(front, null, 1)}\n\n${String(data.abstract ?? '')}\n`;
}

/** Writes a minimal Hugo site into `dir` holding the same papers as our entries under `papersDir`; returns the page count. */
export async function writeHugoSite(papersDir: string, dir: string): Promise<number> {
  await mkdir(join(dir, 'content', 'papers'), { recursive: true });
  await writeFile(join(dir, 'config.toml'), config);
  for (const [path, text] of Object.entries(layouts)) {
    await mkdir(join(dir, 'layouts', path, '..'), { recursive: true });
    await writeFile(join(dir, 'layouts', path), text);
  }
  let pages = 0;
  for (const file of listFilesSync(papersDir, /\.mdx?$/)) {
    const { data } = parseEntry(await readFile(file, 'utf8'));
    if (data.hidden) continue;
    await writeFile(join(dir, 'content', 'papers', `${String(data.slug)}.md`), hugoPage(data));
    pages++;
  }
  return pages;
}
