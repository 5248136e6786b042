import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api/client';
import type { SessionUser } from './api/session';

export interface AppContext {
  api: Api;
  user: SessionUser | null;
  /** False until the first session refresh answered (a reload asks the cookie first). */
  ready: boolean;
  cartCount: number;
  /** Re-read the cart badge after a change; the token lets the read wait for the write. */
  refreshCart(consistencyToken?: string): void;
  toast(message: string): void;
}

export const Context = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const context = useContext(Context);
  if (!context) throw new Error('useApp outside the app');
  return context;
}
