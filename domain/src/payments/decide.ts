import { assertId, assertText, assertTimestamp, DomainError } from '../shared';
import type { PaymentCommand, RecordPaymentOutcome, RecordRefundOutcome, RefundPayment, RequestPayment } from './commands';
import type { PaymentEvent } from './events';
import { assertOptionalText, assertPositiveMoney, assertProvider, assertRedirectUrl, paymentLimits } from './rules';
import type { Payment, PaymentState } from './state';
import { refundableOf, refundOf } from './state';

const requirePayment = (state: PaymentState): Payment => {
  if (state.status === 'absent') throw DomainError.notFound('payment not found', 'paymentId');
  return state;
};

const anPayment = (status: string): string => `${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status} payment`;

export const requestPayment = ({ data }: RequestPayment, state: PaymentState): PaymentEvent[] => {
  assertId(data.paymentId, 'paymentId');
  assertId(data.orderId, 'orderId');
  assertId(data.customerId, 'customerId');
  assertPositiveMoney(data.amount, 'amount');
  assertProvider(data.provider);
  assertText(data.methodReference, 'methodReference', { min: 1, max: paymentLimits.methodReferenceMax });
  assertTimestamp(data.requestedAt, 'requestedAt');
  if (state.status !== 'absent') {
    const same =
      state.orderId === data.orderId &&
      state.customerId === data.customerId &&
      state.amount.amount === data.amount.amount &&
      state.amount.currency === data.amount.currency &&
      state.provider === data.provider &&
      state.methodReference === data.methodReference;
    if (same) return [];
    throw DomainError.conflict('payment already exists', 'paymentId');
  }
  const { paymentId, orderId, customerId, amount, provider, methodReference, requestedAt } = data;
  return [{ type: 'PaymentRequested', data: { paymentId, orderId, customerId, amount: { ...amount }, provider, methodReference, requestedAt } }];
};

const assertOutcome = (data: RecordPaymentOutcome['data']): void => {
  assertId(data.paymentId, 'paymentId');
  assertTimestamp(data.at, 'at');
  switch (data.outcome) {
    case 'authorized':
    case 'captured':
      assertOptionalText(data.providerPaymentId, 'providerPaymentId', paymentLimits.providerIdMax);
      return;
    case 'declined':
      assertText(data.code, 'code', { min: 1, max: paymentLimits.codeMax });
      assertOptionalText(data.message, 'message', paymentLimits.messageMax);
      return;
    case 'requires_action':
      assertRedirectUrl(data.redirectUrl);
      assertOptionalText(data.providerPaymentId, 'providerPaymentId', paymentLimits.providerIdMax);
      return;
    default:
      throw DomainError.validation('outcome must be authorized, captured, declined or requires_action', 'outcome');
  }
};

/**
 * Provider reports arrive in any order and more than once. A capture is final: whatever comes
 * after it is stale. After an authorization only the capture moves on (a decline or an action
 * that arrives then happened before it). Otherwise the latest report wins; the same report again
 * records nothing.
 */
export const recordPaymentOutcome = ({ data }: RecordPaymentOutcome, state: PaymentState): PaymentEvent[] => {
  assertOutcome(data);
  const payment = requirePayment(state);
  const { paymentId, orderId } = payment;
  if (payment.status === 'captured') return [];
  if (payment.status === 'authorized' && data.outcome !== 'captured') return [];
  switch (data.outcome) {
    case 'authorized':
      return [{ type: 'PaymentAuthorized', data: { paymentId, orderId, providerPaymentId: data.providerPaymentId ?? null, at: data.at } }];
    case 'captured':
      return [{ type: 'PaymentCaptured', data: { paymentId, orderId, amount: { ...payment.amount }, providerPaymentId: data.providerPaymentId ?? null, at: data.at } }];
    case 'declined':
      if (payment.status === 'declined' && payment.declineCode === data.code) return [];
      return [{ type: 'PaymentDeclined', data: { paymentId, orderId, code: data.code, message: data.message ?? null, at: data.at } }];
    case 'requires_action':
      if (payment.status === 'requires_action' && payment.redirectUrl === data.redirectUrl) return [];
      return [{ type: 'PaymentActionRequired', data: { paymentId, orderId, redirectUrl: data.redirectUrl, providerPaymentId: data.providerPaymentId ?? null, at: data.at } }];
  }
};

/**
 * Full or partial, in the payment's currency, of a captured payment. Refunds not failed never
 * exceed the capture. Each refund id once: the same request again records nothing, another
 * amount under the same id is a conflict; a failed refund is retried under a new id.
 */
export const refundPayment = ({ data }: RefundPayment, state: PaymentState): PaymentEvent[] => {
  assertId(data.paymentId, 'paymentId');
  assertId(data.refundId, 'refundId');
  assertPositiveMoney(data.amount, 'amount');
  assertOptionalText(data.reason, 'reason', paymentLimits.reasonMax);
  assertTimestamp(data.requestedAt, 'requestedAt');
  const payment = requirePayment(state);
  const existing = refundOf(payment, data.refundId);
  if (existing) {
    if (existing.amount.amount === data.amount.amount && existing.amount.currency === data.amount.currency) return [];
    throw DomainError.conflict('another refund was asked under this id', 'refundId');
  }
  if (payment.status !== 'captured') throw DomainError.conflict(`${anPayment(payment.status)} cannot be refunded`);
  if (data.amount.currency !== payment.amount.currency) {
    throw DomainError.conflict(`refunds are in the payment's currency, ${payment.amount.currency}`, 'amount.currency');
  }
  const refundable = refundableOf(payment);
  if (data.amount.amount > refundable) {
    throw DomainError.conflict(`a refund of ${data.amount.amount} exceeds the ${refundable} left to refund`, 'amount.amount');
  }
  const { paymentId, refundId, amount, reason, requestedAt } = data;
  return [{ type: 'PaymentRefundRequested', data: { paymentId, orderId: payment.orderId, refundId, amount: { ...amount }, reason, requestedAt } }];
};

/** A pending refund succeeds or fails; a succeeded one may still fail (the provider reversed it); a failed one stays failed. */
export const recordRefundOutcome = ({ data }: RecordRefundOutcome, state: PaymentState): PaymentEvent[] => {
  assertId(data.paymentId, 'paymentId');
  assertId(data.refundId, 'refundId');
  assertTimestamp(data.at, 'at');
  if (data.outcome === 'succeeded') assertOptionalText(data.providerRefundId, 'providerRefundId', paymentLimits.providerIdMax);
  else if (data.outcome === 'failed') assertText(data.code, 'code', { min: 1, max: paymentLimits.codeMax });
  else throw DomainError.validation('outcome must be succeeded or failed', 'outcome');
  const payment = requirePayment(state);
  const refund = refundOf(payment, data.refundId);
  if (!refund) throw DomainError.notFound('no refund has this id', 'refundId');
  const { paymentId, orderId } = payment;
  const { refundId, at } = data;
  if (data.outcome === 'succeeded') {
    if (refund.status !== 'pending') return [];
    return [{ type: 'PaymentRefundSucceeded', data: { paymentId, orderId, refundId, amount: { ...refund.amount }, providerRefundId: data.providerRefundId ?? null, at } }];
  }
  if (refund.status === 'failed') return [];
  return [{ type: 'PaymentRefundFailed', data: { paymentId, orderId, refundId, amount: { ...refund.amount }, code: data.code, at } }];
};

export const decidePayment = (command: PaymentCommand, state: PaymentState): PaymentEvent[] => {
  switch (command.type) {
    case 'RequestPayment':
      return requestPayment(command, state);
    case 'RecordPaymentOutcome':
      return recordPaymentOutcome(command, state);
    case 'RefundPayment':
      return refundPayment(command, state);
    case 'RecordRefundOutcome':
      return recordRefundOutcome(command, state);
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
