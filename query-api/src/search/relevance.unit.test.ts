import { oneEditKeysOf, searchWordsOf } from '@ecommerce/schemas';
import { rankByRelevance, relevanceOf, withinOneEdit, wordMatchScore } from './relevance';
import type { Rankable } from './relevance';

const createTestProduct = (overrides: Partial<Rankable> = {}): Rankable => ({ _id: 'p-1', name: 'Thing', description: '', category: 'misc', tags: [], ...overrides });

describe('search words and one-edit keys', () => {
  it('splits on anything but letters and digits, lower case', () => {
    expect(searchWordsOf('Summit Waterproof-Hiking  Backpack, 30L (Ünïcode)')).toEqual(['summit', 'waterproof', 'hiking', 'backpack', '30l', 'ünïcode']);
  });

  it('gives a word of 4+ letters its one-deletion forms, a shorter word only itself', () => {
    expect(oneEditKeysOf('boot')).toEqual(['boot', 'oot', 'bot', 'boo']);
    expect(oneEditKeysOf('hat')).toEqual(['hat']);
    // Letters outside the BMP are one character each, not two halves of a surrogate pair.
    expect(oneEditKeysOf('𝒜bcd')).toEqual(['𝒜bcd', 'bcd', '𝒜cd', '𝒜bd', '𝒜bc']);
    expect(oneEditKeysOf('𝒜bc')).toEqual(['𝒜bc']);
  });

  it('pairs a word with its typos through a shared key: swap, deletion, insertion, replacement', () => {
    const shareKey = (left: string, right: string) => oneEditKeysOf(left).some((key) => oneEditKeysOf(right).includes(key));
    expect(shareKey('bakcpack', 'backpack')).toBe(true);
    expect(shareKey('hikng', 'hiking')).toBe(true);
    expect(shareKey('hikiing', 'hiking')).toBe(true);
    expect(shareKey('tant', 'tent')).toBe(true);
    expect(shareKey('tent', 'boot')).toBe(false);
  });

  it('works a word\'s keys out once and hands out the same frozen list again: no caller can change what the next one gets', () => {
    const first = oneEditKeysOf('sandal');
    expect(oneEditKeysOf('sandal')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first as string[]).push('x')).toThrow(TypeError);
    expect(oneEditKeysOf('sandal')).toEqual(['sandal', 'andal', 'sndal', 'sadal', 'sanal', 'sandl', 'sanda']);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['backpack', 'backpack', true], ['bakcpack', 'backpack', true], ['hikng', 'hiking', true], ['hikiing', 'hiking', true], ['tant', 'tent', true],
    ['bakcpakc', 'backpack', false], ['hkng', 'hiking', false], ['tents', 'tent', true], ['abcd', 'dcba', false], ['', 'a', true],
  ])('%s ~ %s: %s', (left, right, expected) => {
    expect(withinOneEdit(left, right)).toBe(expected);
    expect(withinOneEdit(right, left)).toBe(expected);
  });
});

describe('ranking', () => {
  it('scores exact above prefix above one typo, and no typo for short words', () => {
    expect(wordMatchScore('tent', 'tent')).toBeGreaterThan(wordMatchScore('ten', 'tent'));
    expect(wordMatchScore('ten', 'tent')).toBeGreaterThan(wordMatchScore('tant', 'tent'));
    expect(wordMatchScore('tant', 'tent')).toBeGreaterThan(0);
    expect(wordMatchScore('tnt', 'tent')).toBe(0);
  });

  it('weighs name over category over tags over description, and needs every word to match', () => {
    const inName = createTestProduct({ _id: 'a', name: 'Trail Lantern' });
    const inCategory = createTestProduct({ _id: 'b', category: 'lantern' });
    const inTags = createTestProduct({ _id: 'c', tags: ['lantern'] });
    const inDescription = createTestProduct({ _id: 'd', description: 'a small lantern' });
    const scores = [inName, inCategory, inTags, inDescription].map((product) => relevanceOf(product, ['lantern']));
    expect(scores).toEqual([...scores].sort((left, right) => (right ?? 0) - (left ?? 0)));
    expect(new Set(scores).size).toBe(4);
    expect(relevanceOf(inName, ['lantern', 'stove'])).toBeNull();
  });

  it('drops a candidate two edits away that shares a key, and breaks ties by id', () => {
    expect(relevanceOf(createTestProduct({ name: 'abdc' }), ['abcd'])).not.toBeNull();
    expect(relevanceOf(createTestProduct({ name: 'abxcd' }), ['abcde'])).toBeNull();
    const ranked = rankByRelevance([createTestProduct({ _id: 'z', name: 'Lantern' }), createTestProduct({ _id: 'm', name: 'Lantern' }), createTestProduct({ _id: 'a', description: 'lantern' })], ['lantern']);
    expect(ranked.map(({ product }) => product._id)).toEqual(['m', 'z', 'a']);
  });
});
