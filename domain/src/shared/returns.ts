import type { OrderReturnLine, ReturnedLine } from '@ecommerce/schemas';
import { DomainError } from './errors';
import { assertSku } from './sku';

/** Returns as the order and the shipment both see them: lines asked back, then what came back of each. */
const assertCount = (value: number, field: string, min: number, max: number): void => {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw DomainError.validation(`${field} must be a whole number from ${min} to ${max}`, field);
};

/** Lines asked back: some of the order's lines, each once, each at most its ordered quantity. */
export const assertReturnLines = (lines: readonly OrderReturnLine[], orderLines: readonly { sku: string; quantity: number }[]): void => {
  if (!Array.isArray(lines) || lines.length === 0) throw DomainError.validation('a return needs at least one line', 'lines');
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const field = `lines.${index}`;
    assertSku(line.sku, `${field}.sku`);
    const ordered = orderLines.find((candidate) => candidate.sku === line.sku);
    if (!ordered) throw DomainError.validation('there is no line with this SKU to return', `${field}.sku`);
    if (seen.has(line.sku)) throw DomainError.validation('each SKU may appear on one line only', `${field}.sku`);
    seen.add(line.sku);
    assertCount(line.quantity, `${field}.quantity`, 1, ordered.quantity);
  });
};

/** What came back: lines of the return request, each restocked + damaged at most the quantity asked back. */
export const assertReturnedLines = (lines: readonly ReturnedLine[], requested: readonly OrderReturnLine[]): void => {
  if (!Array.isArray(lines)) throw DomainError.validation('lines must be a list', 'lines');
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const field = `lines.${index}`;
    assertSku(line.sku, `${field}.sku`);
    const asked = requested.find((candidate) => candidate.sku === line.sku);
    if (!asked) throw DomainError.validation('the return has no line with this SKU', `${field}.sku`);
    if (seen.has(line.sku)) throw DomainError.validation('each SKU may appear on one line only', `${field}.sku`);
    seen.add(line.sku);
    assertCount(line.restocked, `${field}.restocked`, 0, asked.quantity);
    assertCount(line.damaged, `${field}.damaged`, 0, asked.quantity);
    if (line.restocked + line.damaged > asked.quantity) {
      throw DomainError.validation(`at most ${asked.quantity} units of ${line.sku} were to come back`, `${field}.damaged`);
    }
  });
};

export const sameReturnLines = (a: readonly OrderReturnLine[], b: readonly OrderReturnLine[]): boolean =>
  a.length === b.length && a.every((line, index) => line.sku === b[index]?.sku && line.quantity === b[index]?.quantity);

export const sameReturnedLines = (a: readonly ReturnedLine[], b: readonly ReturnedLine[]): boolean =>
  a.length === b.length &&
  a.every((line, index) => line.sku === b[index]?.sku && line.restocked === b[index]?.restocked && line.damaged === b[index]?.damaged);
