import { describe, expect, it } from 'vitest';
import { cleanText, squash, titleKey } from '../../src/lib/text.ts';

describe('squash', () => {
  it.each([
    ['  Sparse   MeZO  ', 'Sparse MeZO'],
    ['line one\nline two\r\nline three', 'line one line two line three'],
    ['tab\there', 'tab here'],
    ['no\u00a0break\u00a0space', 'no break space'],
    ['', ''],
    [' \n\t ', ''],
    // Single spaces only: kept as they are, the ends trimmed.
    ['one two three', 'one two three'],
    [' one two ', 'one two'],
    // One whitespace character that is not a space, alone or at an end.
    ['line\u2028separator', 'line separator'],
    ['\ufeffmarked', 'marked'],
    ['ideographic\u3000space', 'ideographic space'],
  ])('%j → %j', (text, expected) => {
    expect(squash(text)).toBe(expected);
  });
});

describe('cleanText', () => {
  it.each([
    // Real titles pass through untouched.
    ['DPO Meets PPO: Reinforced Token Optimization for RLHF', 'DPO Meets PPO: Reinforced Token Optimization for RLHF'],
    [
      'Adaptive Sparse Allocation with Mutual Choice & Feature Choice Sparse Autoencoders',
      'Adaptive Sparse Allocation with Mutual Choice & Feature Choice Sparse Autoencoders',
    ],
    ["Let's Make Block Coordinate Descent Converge Faster", "Let's Make Block Coordinate Descent Converge Faster"],
    // Entities as they arrive from HTML sources.
    ['Mutual Choice &amp; Feature Choice', 'Mutual Choice & Feature Choice'],
    ['Let&#39;s Make Block', "Let's Make Block"],
    ['Let&#x27;s Make Block', "Let's Make Block"],
    ['&lt;b&gt;bold&lt;/b&gt;', '<b>bold</b>'],
    ['a&nbsp;b', 'a b'],
    ['&nbsp;', ''],
    // Control characters and byte-order marks are dropped, tabs and newlines become spaces.
    ['\ufeffGQSA: Group\u0000 Quantization', 'GQSA: Group Quantization'],
    ['bell\u0007 and del\u007f', 'bell and del'],
    ['hard\nwrapped\r\ntitle', 'hard wrapped title'],
    // Decomposed accents are composed.
    ['Caf\u0065\u0301', 'Caf\u00e9'],
    ['  ', ''],
  ])('%j → %j', (text, expected) => {
    expect(cleanText(text)).toBe(expected);
  });
});

describe('titleKey', () => {
  it.each([
    [
      'InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds',
      'instantsplat unbounded sparse view pose free gaussian splatting in 40 seconds',
    ],
    ['Qwen2.5-1M Technical Report', 'qwen2 5 1m technical report'],
    ['ProSper -- A Python Library', 'prosper a python library'],
    ['Café — Déjà Vu!', 'cafe deja vu'],
    ['Caf\u0065\u0301', 'cafe'],
    ['S^{2}FT: Efficient', 's 2 ft efficient'],
    ['深度学习的稀疏注意力', '深度学习的稀疏注意力'],
    ['Mutual Choice &amp; Feature', 'mutual choice feature'],
  ])('%j → %j', (title, expected) => {
    expect(titleKey(title)).toBe(expected);
  });

  it.each([
    ['DPO Meets PPO: Reinforced Token Optimization for RLHF', 'dpo meets ppo — reinforced token optimization for rlhf'],
    ['Fast Sparse ConvNets', '  FAST  sparse\nConvNets. '],
    ['Déjà Vu', 'Deja Vu'],
  ])('%j and %j share a key', (a, b) => {
    expect(titleKey(a)).toBe(titleKey(b));
  });
});
