import { GraphQLError } from 'graphql';
import type { ValidationContext } from 'graphql';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';

export interface QueryLimits {
  /** Nesting of fields; a page of orders with their products' prices is 6 deep. */
  maxDepth: number;
  /**
   * graphql-armor's estimate: objects 2, scalars 1, each level ×1.5, a literal `first: n` ×n. A
   * page of 20 orders with lines and products costs about 1,400; of 100, about 7,000.
   */
  maxCost: number;
}

export const defaultQueryLimits: QueryLimits = { maxDepth: 8, maxCost: 10_000 };

/**
 * graphql-armor's own error reads "Syntax Error: …" and has no code; a client is told instead
 * which limit, its value and what the query reached, under a code it can branch on, with HTTP 400
 * (`spec: false`: yoga answers other validation errors 200 under `application/json`, as the
 * GraphQL-over-HTTP spec asks, but a refused limit is worth a status a proxy can see).
 */
function rejectWith(code: string, limit: number, what: string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = Number(/found ([0-9]+(?:\.[0-9]+)?)/.exec(error.message)?.[1] ?? Number.NaN);
    context?.reportError(new GraphQLError(`${what} ${found} exceeds the limit of ${limit}`, { extensions: { code, limit, found, status: 400, http: { status: 400, spec: false } } }));
  };
}

/** Depth and cost limits, checked while the query is validated: nothing of a refused query runs. */
export function queryLimitPlugins(limits: QueryLimits = defaultQueryLimits) {
  return [
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, propagateOnRejection: false, onReject: [rejectWith('QUERY_TOO_DEEP', limits.maxDepth, 'query depth')] }),
    costLimitPlugin({ maxCost: limits.maxCost, flattenFragments: true, ignoreIntrospection: true, propagateOnRejection: false, onReject: [rejectWith('QUERY_TOO_COSTLY', limits.maxCost, 'query cost')] }),
  ];
}
