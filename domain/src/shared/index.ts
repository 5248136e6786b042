export type { Decider } from './decider';
export { foldEvents } from './decider';
export type { DomainEvent, DomainCommand } from './events';
export type { DomainErrorCode } from './errors';
export { DomainError, isDomainError } from './errors';
export { isCurrencyCode, isMinorUnits, assertValidMoney, sameMoney } from './money';
export { assertText, assertId } from './text';
export { skuPattern, isSku, assertSku } from './sku';
