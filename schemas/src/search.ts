/** How the catalog search reads text: one definition for the products projection (which indexes) and the query API (which reads `q`). */

/**
 * The words of a text as the catalog search sees them: lower case, split on anything but letters
 * and digits. The projection indexes documents and the query API reads `q` with this one function.
 */
export const searchWordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);

/** Shorter words get no typo tolerance: one edit of a three-letter word is too often another word. */
export const minTypoWordLength = 4;

/**
 * Longer words get none either: a word of n characters has n deletion keys of n - 1 characters, so a
 * 5,000-character "word" (a description is allowed that long) would put 25 MB of keys in one document.
 */
export const maxTypoWordLength = 32;

/**
 * A word and, when its length allows, each form of it with one character deleted (SymSpell's deletion
 * neighbourhood): two words within one edit (insert, delete, replace, swap of neighbours) share a key.
 */
export function oneEditKeysOf(word: string): readonly string[] {
  const known = keysOfWords.get(word);
  if (known) return known;
  const keys = deletionNeighbourhoodOf(word);
  if (keysOfWords.size >= rememberedWords) keysOfWords.clear();
  keysOfWords.set(word, keys);
  return keys;
}

/**
 * Words whose keys were worked out lately: a catalog says the same words of many products (a
 * rebuild works out every product's), and a word's keys never change. Cleared when full.
 */
const keysOfWords = new Map<string, readonly string[]>();
const rememberedWords = 100_000;

function deletionNeighbourhoodOf(word: string): readonly string[] {
  const chars = [...word];
  if (chars.length < minTypoWordLength || chars.length > maxTypoWordLength) return Object.freeze([word]);
  const keys = new Set([word]);
  // Cut by code point; a word without surrogate pairs (nearly all) is cut as a string, without copying its characters.
  const deleting = chars.length === word.length
    ? (index: number) => word.slice(0, index) + word.slice(index + 1)
    : (index: number) => chars.slice(0, index).join('') + chars.slice(index + 1).join('');
  for (let index = 0; index < chars.length; index += 1) keys.add(deleting(index));
  return Object.freeze([...keys]);
}

/** Fixed price bands of the search facets, in minor units: `[min, max)`, the last without a maximum. */
export const priceBands: ReadonlyArray<{ min: number; max: number | null }> = [
  { min: 0, max: 2000 }, { min: 2000, max: 5000 }, { min: 5000, max: 10000 }, { min: 10000, max: 20000 }, { min: 20000, max: null },
];
