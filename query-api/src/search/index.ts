export { facetsOf } from './facets';
export { rankByRelevance, relevanceOf, wordMatchScore, withinOneEdit } from './relevance';
export type { Rankable } from './relevance';
