import { matchPath, withQuery } from './paths';

describe('page paths', () => {
  it('matches paths with parameters', () => {
    expect(matchPath('/orders/:id', '/orders/abc-1')).toEqual({ id: 'abc-1' });
    expect(matchPath('/orders/:id', '/orders')).toBeNull();
    expect(matchPath('/admin/orders', '/admin/orders/')).toEqual({});
    expect(matchPath('/products/:id', '/products/a%20b')).toEqual({ id: 'a b' });
  });

  it('builds query strings from the values that are set', () => {
    expect(withQuery('/', { q: 'mug', category: '', sort: undefined, minPrice: 0 })).toBe('/?q=mug&minPrice=0');
    expect(withQuery('/cart', {})).toBe('/cart');
  });
});
