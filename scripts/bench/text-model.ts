import { readFileSync } from 'node:fs';
import { int, pick, type Random } from './prng.ts';

/** A word-bigram model of real abstracts: which words follow which, with their real frequencies. */
export interface TextModel {
  /** Each word's followers, repeated as often as they follow it in the sample. */
  next: Map<string, string[]>;
  /** Words that open a sentence in the sample. */
  starts: string[];
  /** Words of four letters or more, for titles. */
  content: string[];
}

/** Sentences end on these, but not on the abbreviations abstracts are full of. */
const endsSentence = (word: string) => /[.!?]$/.test(word) && !/^(e\.g|i\.e|et al|etc|vs)\.$/i.test(word);

/** The abstracts of a pasted papers listing: its paragraphs long enough to be one. */
export function sampleAbstracts(listingPath: string): string[] {
  return readFileSync(listingPath, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 400);
}

/** Builds the bigram model; brackets and quotes are dropped so generated text never leaves one open. */
export function buildTextModel(abstracts: string[]): TextModel {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  const content = new Set<string>();
  for (const abstract of abstracts) {
    const words = abstract
      .replace(/[()[\]{}"“”]/g, '')
      .split(' ')
      .filter(Boolean);
    words.forEach((word, i) => {
      if (i === 0 || endsSentence(words[i - 1])) starts.push(word);
      if (/^[a-z]{4,}$/i.test(word)) content.add(word.toLowerCase());
      const following = words[i + 1];
      if (following === undefined) return;
      const list = next.get(word);
      if (list) list.push(following);
      else next.set(word, [following]);
    });
  }
  return { next, starts, content: [...content].sort() };
}

/** One sentence of 8–40 words walked through the model. */
export function sentence(random: Random, model: TextModel): string {
  const words = [pick(random, model.starts)];
  const limit = int(random, 14, 40);
  while (!(words.length >= 8 && endsSentence(words[words.length - 1]))) {
    const followers = model.next.get(words[words.length - 1]);
    if (!followers || words.length >= limit) {
      words[words.length - 1] = words[words.length - 1].replace(/[,;:.]+$/, '') + '.';
      break;
    }
    words.push(pick(random, followers));
  }
  return capitalize(words.join(' '));
}

/** Text of `length` characters or a little more, whole sentences, with `inserts` placed between them. */
export function paragraph(random: Random, model: TextModel, length: number, inserts: string[]): string {
  const sentences: string[] = [];
  let size = 0;
  while (size < length) {
    const next = sentence(random, model);
    sentences.push(next);
    size += next.length + 1;
  }
  for (const insert of inserts) sentences.splice(int(random, 0, sentences.length), 0, insert);
  return sentences.join(' ');
}

/** A title phrase: a walk of up to `count` words from a content word, stopping at punctuation, title-cased. */
export function titlePhrase(random: Random, model: TextModel, count: number): string {
  const words = [pick(random, model.content)];
  while (words.length < count) {
    const followers = model.next.get(words[words.length - 1]);
    const word = followers && pick(random, followers);
    if (!word || !/^[a-z-]+$/i.test(word)) break;
    words.push(word);
  }
  const minor = /^(a|an|and|as|at|by|for|from|in|is|its|of|on|or|our|the|their|these|this|to|via|we|with)$/i;
  while (words.length > 1 && minor.test(words[words.length - 1])) words.pop();
  return words.map((w, i) => (i > 0 && minor.test(w) ? w.toLowerCase() : capitalize(w))).join(' ');
}

/** The word with its first letter upper-cased. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
