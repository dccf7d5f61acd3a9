import { getCollection, type CollectionEntry } from 'astro:content';
import { buildDigest, type Digest } from '../lib/digest.ts';
import { takeOver } from './handoff.ts';
import type { Paper } from '../lib/paper-schema.ts';
import type { PapersRead } from '../lib/read-entries.ts';
import { relatedKey, relatedPapers, type RelatedInput, type RelatedLists } from '../lib/related.ts';

let digest: Promise<Digest> | undefined;
let related: Promise<Map<string, string[]>> | undefined;
let notes: Promise<Map<string, CollectionEntry<'notes'>>> | undefined;
let intros: Promise<Map<string, CollectionEntry<'digests'>>> | undefined;

/**
 * The papers: in a build, as the build's work read them from their files (Astro's store then
 * holds none, `papers-loader.ts`); on the dev server, or should that work have failed (the loader
 * then stores them), from the collection.
 */
async function loadPapers(): Promise<Paper[]> {
  const read = await takeOver<PapersRead>('papers', 'read the papers');
  return read ? read.papers : (await getCollection('papers')).map((e) => e.data);
}

/** The digest, read once per build and shared by every page. */
export function loadDigest(): Promise<Digest> {
  digest ??= (async () => {
    const [papers, topics] = await Promise.all([loadPapers(), getCollection('topics')]);
    return buildDigest(
      papers,
      topics.map((e) => e.data),
    );
  })();
  return digest;
}

/** The lists the build computed beside Astro (`build-work.ts`), when they are of these papers. */
async function relatedFromBuild(papers: RelatedInput[]): Promise<Map<string, string[]> | undefined> {
  const lists = await takeOver<RelatedLists>('related', 'make the related papers');
  return lists?.key === relatedKey(papers) ? new Map(lists.related) : undefined;
}

/** The five most similar papers of each paper, by slug; computed once per build. */
export function loadRelated(): Promise<Map<string, string[]>> {
  related ??= loadDigest().then(async (d) => (await relatedFromBuild(d.papers)) ?? relatedPapers(d.papers));
  return related;
}

/** The curator's notes by paper slug; most papers have none. */
export function loadNotes(): Promise<Map<string, CollectionEntry<'notes'>>> {
  notes ??= getCollection('notes').then((list) => new Map(list.map((e) => [e.id, e])));
  return notes;
}

/** Editor's intros by digest day. */
export function loadIntros(): Promise<Map<string, CollectionEntry<'digests'>>> {
  intros ??= getCollection('digests').then((list) => new Map(list.map((e) => [e.id, e])));
  return intros;
}
