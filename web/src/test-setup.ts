import { cleanup, configure } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';

// `findBy…` and `waitFor` give up after 5 s rather than 1 s: CI machines here are shared and busy.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  // happy-dom has no layout: the router's scroll to the top after a navigation is a no-op here.
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
