import { assertText, DomainError } from '../shared';

/**
 * The catalog's input rules, exported so the API's request schemas can use the same
 * numbers. The API normalizes (upper-cases SKUs, trims); the decider only checks.
 */
export const productLimits = {
  nameMax: 200,
  descriptionMax: 5000,
  categoryMax: 60,
  tagsMax: 20,
  tagMax: 40,
  reasonMax: 500,
} as const;

export const assertName = (name: string): void => assertText(name, 'name', { min: 1, max: productLimits.nameMax });

export const assertDescription = (description: string): void =>
  assertText(description, 'description', { min: 0, max: productLimits.descriptionMax });

export const assertCategory = (category: string): void =>
  assertText(category, 'category', { min: 1, max: productLimits.categoryMax });

export const assertTags = (tags: string[]): void => {
  if (!Array.isArray(tags)) throw DomainError.validation('tags must be a list', 'tags');
  if (tags.length > productLimits.tagsMax) {
    throw DomainError.validation(`at most ${productLimits.tagsMax} tags`, 'tags');
  }
  tags.forEach((tag, index) => assertText(tag, `tags.${index}`, { min: 1, max: productLimits.tagMax }));
};
