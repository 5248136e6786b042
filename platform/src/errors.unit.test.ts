import { ConcurrencyError, httpStatusOf } from './errors';

describe('error taxonomy', () => {
  it('a concurrency error carries both revisions and maps to 409', () => {
    const error = new ConcurrencyError('product-1', 3, 5);
    expect(error.details).toEqual({ streamId: 'product-1', expectedRevision: '3', actualRevision: '5' });
    expect(httpStatusOf[error.code]).toBe(409);
    expect(error.retriable).toBe(true);
  });
});
