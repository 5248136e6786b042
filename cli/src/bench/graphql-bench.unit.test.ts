import { parse, validate } from 'graphql';
import { createGraphqlSchema } from '@ecommerce/gateway/src/graphql';
import { ordersPageQuery, pageProblem } from './graphql-bench';

const order = (lines: number, product: { id: string } | null = { id: 'p' }) => ({ status: 'confirmed', lines: Array.from({ length: lines }, () => ({ product })) });

describe('the GraphQL bench page', () => {
  it('is a valid query of the gateway schema: a stale field would fail every request of the run', () => {
    expect(validate(createGraphqlSchema(), parse(ordersPageQuery))).toEqual([]);
  });

  it('accepts only the whole page: every order, every line, every product, no error', () => {
    const full = { data: { myOrders: { nodes: Array.from({ length: 20 }, () => order(3)) } } };
    expect(pageProblem(full, 20, 3)).toBeUndefined();
    expect(pageProblem({ data: { myOrders: { nodes: Array.from({ length: 19 }, () => order(3)) } } }, 20, 3)).toBe('19 orders, expected 20');
    expect(pageProblem({ data: { myOrders: { nodes: [...Array.from({ length: 19 }, () => order(3)), order(3, null)] } } }, 20, 3)).toMatch(/without its product/);
    expect(pageProblem({ data: { myOrders: { nodes: [...Array.from({ length: 19 }, () => order(3)), order(2)] } } }, 20, 3)).toMatch(/2 lines/);
    expect(pageProblem({ data: { myOrders: null }, errors: [{ message: 'query cost 12000 exceeds the limit' }] }, 20, 3)).toMatch(/^errors: .*exceeds the limit/);
    expect(pageProblem({ data: null }, 20, 3)).toBe('no myOrders in the answer');
  });
});
