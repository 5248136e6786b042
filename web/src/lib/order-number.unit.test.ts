import { orderNumber } from './order-number';

describe('orderNumber', () => {
  it('tells apart orders placed in the same minute, whose time-ordered ids share their first digits', () => {
    const first = '019af0c2-5e10-7a3b-8c4d-1e2f3a4b5c6d';
    const second = '019af0c2-5e10-7f01-9a8b-7c6d5e4f3a2b';
    expect(orderNumber(first)).toBe('#3a4b5c6d');
    expect(orderNumber(second)).toBe('#5e4f3a2b');
  });
});
