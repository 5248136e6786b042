import { z } from 'zod';

/** A GraphQL request as `POST /graphql` takes it (GraphQL over HTTP, JSON body). */
export const graphqlRequest = z.object({
  query: z.string({ error: 'must be a string' }).min(1, 'must not be empty').describe('the GraphQL document; the schema is in `schemas/graphql/schema.graphql` and by introspection'),
  variables: z.record(z.string(), z.unknown(), { error: 'must be an object' }).nullable().optional(),
  operationName: z.string({ error: 'must be a string' }).nullable().optional(),
  extensions: z.record(z.string(), z.unknown(), { error: 'must be an object' }).nullable().optional(),
});

const jsonObject = (text: string): boolean => {
  try {
    const value = JSON.parse(text) as unknown;
    return value === null || (typeof value === 'object' && !Array.isArray(value));
  } catch {
    return false;
  }
};

/** The same in the URL of `GET /graphql`; without `query`, a browser gets GraphiQL in development. */
export const graphqlQueryParams = z.object({
  query: z.string({ error: 'must be a string' }).min(1, 'must not be empty').optional().describe('a query (not a mutation)'),
  variables: z.string({ error: 'must be a string' }).refine(jsonObject, 'must be a JSON object').optional().describe('JSON of the variables'),
  operationName: z.string({ error: 'must be a string' }).optional(),
  extensions: z.string({ error: 'must be a string' }).refine(jsonObject, 'must be a JSON object').optional(),
});

/**
 * A request that is not GraphQL, answered as GraphQL answers (400, `errors`), naming the field,
 * before Yoga sees it: Yoga answers some of these 200 (a missing query) or 500 (variables that
 * are not JSON). Else the request as checked: only the fields the schema names.
 */
export function checkRequestShape<T>(schema: z.ZodType<T>, input: unknown, where: 'body' | 'query'): { ok: true; value: T } | { ok: false; refusal: object } {
  const result = schema.safeParse(input ?? (where === 'body' ? undefined : {}));
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.map((issue) => ({ field: [where, ...issue.path.map(String)].join('.'), message: issue.message }));
  return { ok: false, refusal: { errors: [{ message: `not a GraphQL request: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}`, extensions: { code: 'BAD_REQUEST', status: 400, errors } }] } };
}
