import type { z } from 'zod';
import { ValidationError } from '../errors';
import type { FieldIssue } from '../errors';

const describeIssue = (issue: z.core.$ZodIssue): string => {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  return issue.message;
};

/** Zod issues as field issues: the path dotted, unknown keys named one by one. */
export function fieldIssuesOf(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'unknown field' }));
    }
    return [{ field: base || (prefix ?? 'body'), message: describeIssue(issue) }];
  });
}

/** Parse with a zod schema or throw a ValidationError that names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'params' | 'headers'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = fieldIssuesOf(result.error, where === 'body' ? undefined : where);
  const first = issues[0];
  throw new ValidationError(first ? `invalid ${where}: ${first.field}: ${first.message}` : `invalid ${where}`, issues);
}
