import { minTypoWordLength, searchWordsOf } from '@ecommerce/schemas';

/** What a search reads of a product to rank it. */
export interface Rankable {
  _id: string;
  name: string;
  description: string;
  category: string;
  tags: string[];
}

/** A field's words count this much more than the description's: a word in the name says most. */
const fieldWeights = { name: 4, category: 3, tags: 2, description: 1 } as const;
/** An exact word beats a prefix, which beats one typo. */
const matchScores = { exact: 3, prefix: 2, oneEdit: 1 } as const;

/**
 * Whether two words are at most one edit apart (insert, delete, replace, or swap of two
 * neighbours: optimal string alignment distance ≤ 1), without building the full matrix.
 */
export function withinOneEdit(left: string, right: string): boolean {
  const a = [...left];
  const b = [...right];
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  if (start === a.length && start === b.length) return true;
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((char, index) => char === y[index]);
  if (a.length === b.length) {
    if (same(a.slice(start + 1), b.slice(start + 1))) return true;
    return a[start] === b[start + 1] && a[start + 1] === b[start] && same(a.slice(start + 2), b.slice(start + 2));
  }
  return a.length > b.length ? same(a.slice(start + 1), b.slice(start)) : same(a.slice(start), b.slice(start + 1));
}

/** How well one searched word matches one word of a product: 0 for no match. */
export function wordMatchScore(searched: string, word: string): number {
  if (word === searched) return matchScores.exact;
  if (word.startsWith(searched)) return matchScores.prefix;
  if ([...searched].length >= minTypoWordLength && withinOneEdit(searched, word)) return matchScores.oneEdit;
  return 0;
}

/**
 * A product's relevance to the searched words: per word, its best match over the fields, weighted
 * by field, summed. Null when a word matches nowhere (every word must match, as the filter asks;
 * the store's one-edit keys can also pair words two edits apart, which this check drops).
 * Integer scores, so a cursor carries them exactly.
 */
export function relevanceOf(product: Rankable, searchedWords: readonly string[]): number | null {
  const fields = Object.entries(fieldWeights).map(([field, weight]) => {
    const text = field === 'tags' ? product.tags.join(' ') : String(product[field as Exclude<keyof typeof fieldWeights, 'tags'>] ?? '');
    return { weight, words: new Set(searchWordsOf(text)) };
  });
  let total = 0;
  for (const searched of searchedWords) {
    let best = 0;
    for (const { weight, words } of fields) {
      for (const word of words) best = Math.max(best, weight * wordMatchScore(searched, word));
    }
    if (best === 0) return null;
    total += best;
  }
  return total;
}

/** Best first; equal scores by id, so the order (and a cursor into it) is deterministic. */
export function rankByRelevance<T extends Rankable>(products: readonly T[], searchedWords: readonly string[]): Array<{ product: T; score: number }> {
  return products
    .flatMap((product) => {
      const score = relevanceOf(product, searchedWords);
      return score === null ? [] : [{ product, score }];
    })
      .sort((left, right) => right.score - left.score || (left.product._id < right.product._id ? -1 : left.product._id > right.product._id ? 1 : 0));
}
