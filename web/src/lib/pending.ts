/** Consistency tokens handed from the page that wrote to the page that reads next (read your writes). */
const tokens = new Map<string, string>();

export const rememberToken = (key: string, token: string | undefined) => void (token && tokens.set(key, token));
export const takeToken = (key: string): string | undefined => {
  const token = tokens.get(key);
  tokens.delete(key);
  return token;
};
