import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs `work` in a fresh directory under the OS temp folder and removes it afterwards,
 * whatever happens: every bench section starts from empty files and leaves nothing behind.
 */
export async function withTempDir<T>(label: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ecommerce-bench-${label}-`));
  try {
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
