import { assertOrderPayable, foldEvents, linesToRelease, orderDecider } from '..';
import type { OrderEvent } from '..';
import { specificationFor } from '../shared/testing';
import {
  confirmedOrderHistory as confirmed,
  createTestCancelOrder as cancel,
  createTestFireTimer as fire,
  createTestMarkPaid as pay,
  createTestOrderPlaced as placed,
  createTestRecordReservation as reply,
  lineRejected,
  lineReserved,
  orderCancelled,
  orderConfirmed,
  orderExpired,
  orderPaid,
  orderRejected,
  deliveredOrderHistory,
  orderCompleted,
  refundRequested,
  shippedOrderHistory,
  testPaymentDeadline,
  timerScheduled,
} from './testing';

const given = specificationFor(orderDecider);
const rejectedHistory = (): OrderEvent[] => [placed(), lineRejected('TEA-001'), orderRejected('TEA-001')];

describe('RecordReservation', () => {
  it('records a reserved line and waits for the others', () => {
    given(placed()).when(reply('MUG-001', 'reserved')).then([lineReserved('MUG-001')]);
  });

  it('confirms when the last line is reserved, with the payment deadline and its timer', () => {
    given(placed(), lineReserved('TEA-001')).when(reply('MUG-001', 'reserved')).then([lineReserved('MUG-001'), orderConfirmed(), timerScheduled()]);
  });

  it('rejects on the first refused line, naming it', () => {
    given(placed()).when(reply('TEA-001', 'rejected', { available: 3 })).then([lineRejected('TEA-001', 3), orderRejected('TEA-001')]);
    given(placed(), lineReserved('MUG-001')).when(reply('TEA-001', 'rejected')).then([lineRejected('TEA-001'), orderRejected('TEA-001')]);
  });

  it('records nothing for a line already answered', () => {
    given(placed(), lineReserved('MUG-001')).when(reply('MUG-001', 'reserved')).thenNothingHappens();
    given(placed(), lineReserved('MUG-001')).when(reply('MUG-001', 'rejected')).thenNothingHappens();
    given(...confirmed()).when(reply('TEA-001', 'reserved')).thenNothingHappens();
  });

  it('records a late answer after the order left placed, without moving it', () => {
    given(...rejectedHistory()).when(reply('MUG-001', 'reserved')).then([lineReserved('MUG-001')]);
    given(placed(), lineRejected('TEA-001'), orderRejected('TEA-001')).when(reply('MUG-001', 'rejected')).then([lineRejected('MUG-001')]);
    given(placed(), lineReserved('MUG-001'), orderCancelled()).when(reply('TEA-001', 'reserved')).then([lineReserved('TEA-001')]);
    expect(foldEvents(orderDecider, [...rejectedHistory(), lineReserved('MUG-001')]).status).toBe('rejected');
  });

  it('refuses a reply for an unknown order or a SKU not on the order', () => {
    given().when(reply('MUG-001', 'reserved')).thenThrows({ code: 'not_found', field: 'orderId' });
    given(placed()).when(reply('CUP-009', 'reserved')).thenThrows({ code: 'validation', field: 'sku' });
  });

  it.each([
    [{ outcome: 'maybe' as 'reserved' }, 'outcome'],
    [{ available: -1 }, 'available'],
    [{ paymentWindowMs: 0 }, 'paymentWindowMs'],
    [{ paymentWindowMs: 31 * 24 * 3600 * 1000 }, 'paymentWindowMs'],
    [{ now: 'later' }, 'now'],
    [{ sku: 'x' }, 'sku'],
  ])('refuses invalid data %j', (overrides, field) => {
    given(placed()).when(reply('MUG-001', 'reserved', overrides)).thenThrows({ code: 'validation', field });
  });
});

describe('MarkPaid', () => {
  it('pays a confirmed order its exact total', () => {
    given(...confirmed()).when(pay()).then([orderPaid()]);
  });

  it('records nothing for the same payment again', () => {
    given(...confirmed(), orderPaid()).when(pay()).thenNothingHappens();
  });

  it('asks to refund a second payment of a paid order, once', () => {
    given(...confirmed(), orderPaid()).when(pay('pay-2')).then([refundRequested('duplicate_payment', 3150, 'pay-2')]);
    given(...confirmed(), orderPaid(), refundRequested('duplicate_payment', 3150, 'pay-2')).when(pay('pay-2')).thenNothingHappens();
  });

  it('asks to refund a capture of another amount or currency, leaving the order confirmed', () => {
    given(...confirmed()).when(pay('pay-1', 3149)).then([refundRequested('amount_mismatch', 3149)]);
    const usd = orderDecider.decide(pay('pay-1', 3150, 'USD'), foldEvents(orderDecider, confirmed()));
    expect(usd).toEqual([{ type: 'OrderRefundRequested', data: expect.objectContaining({ reason: 'amount_mismatch', amount: { amount: 3150, currency: 'USD' } }) }]);
    expect(foldEvents(orderDecider, [...confirmed(), refundRequested('amount_mismatch', 3149)]).status).toBe('confirmed');
  });

  it.each<[string, OrderEvent[]]>([
    ['placed', [placed()]],
    ['rejected', rejectedHistory()],
    ['expired', [...confirmed(), orderExpired()]],
    ['cancelled', [...confirmed(), orderCancelled()]],
  ])('asks to refund a payment that arrives on a %s order, once, without moving it', (status, history) => {
    given(...history).when(pay()).then([refundRequested('late_payment')]);
    given(...history, refundRequested('late_payment')).when(pay()).thenNothingHappens();
    expect(foldEvents(orderDecider, [...history, refundRequested('late_payment')]).status).toBe(status);
  });

  it('refuses an unknown order and malformed data', () => {
    given().when(pay()).thenThrows({ code: 'not_found', field: 'orderId' });
    given(...confirmed()).when(pay('')).thenThrows({ code: 'validation', field: 'paymentId' });
    given(...confirmed()).when(pay('pay-1', -1)).thenThrows({ code: 'validation', field: 'amount.amount' });
  });
});

describe('assertOrderPayable', () => {
  const payable = (history: OrderEvent[], now = '2025-03-14T10:10:00.000Z') => () => assertOrderPayable(foldEvents(orderDecider, history), now);

  it('lets a confirmed order be paid before its deadline', () => {
    expect(payable(confirmed())()).toMatchObject({ status: 'confirmed' });
  });

  it.each<[string, OrderEvent[]]>([
    ['placed', [placed()]],
    ['rejected', rejectedHistory()],
    ['expired', [...confirmed(), orderExpired()]],
    ['cancelled', [...confirmed(), orderCancelled()]],
    ['paid', [...confirmed(), orderPaid()]],
  ])('refuses a %s order with a conflict naming the state', (status, history) => {
    expect(payable(history)).toThrow(expect.objectContaining({ code: 'conflict', message: expect.stringContaining(`${status} order cannot be paid`) }));
  });

  it('refuses a confirmed order past its deadline, before the timer expired it', () => {
    expect(payable(confirmed(), testPaymentDeadline)).toThrow(expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/deadline/) }));
  });

  it('refuses an unknown order and a malformed time', () => {
    expect(payable([])).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(payable(confirmed(), 'now')).toThrow(expect.objectContaining({ code: 'validation', field: 'now' }));
  });
});

describe('FireTimer', () => {
  it('expires an unpaid confirmed order at and after its deadline', () => {
    given(...confirmed()).when(fire(testPaymentDeadline)).then([orderExpired()]);
    given(...confirmed()).when(fire('2025-03-15T00:00:00.000Z')).then([orderExpired()]);
  });

  it('ignores a timer fired early, a stale timer and one for an order no longer awaiting payment', () => {
    given(...confirmed()).when(fire('2025-03-14T10:15:04.999Z')).thenNothingHappens();
    given(...confirmed()).when(fire(testPaymentDeadline, 'o-1/other')).thenNothingHappens();
    given(...confirmed(), orderPaid()).when(fire(testPaymentDeadline)).thenNothingHappens();
    given(...confirmed(), orderExpired()).when(fire(testPaymentDeadline)).thenNothingHappens();
    given(...confirmed(), orderCancelled()).when(fire(testPaymentDeadline)).thenNothingHappens();
    given(placed()).when(fire(testPaymentDeadline)).thenNothingHappens();
    given().when(fire(testPaymentDeadline)).thenNothingHappens();
  });

  it('refuses malformed data', () => {
    given(...confirmed()).when(fire('noon')).thenThrows({ code: 'validation', field: 'now' });
    given(...confirmed()).when(fire(testPaymentDeadline, '')).thenThrows({ code: 'validation', field: 'timerId' });
  });
});

describe('CancelOrder', () => {
  it.each<[string, OrderEvent[]]>([
    ['placed', [placed(), lineReserved('MUG-001')]],
    ['confirmed', confirmed()],
  ])('cancels a %s order', (_status, history) => {
    given(...history).when(cancel('changed my mind')).then([orderCancelled('changed my mind')]);
    given(...history).when(cancel()).then([orderCancelled()]);
  });

  it('cancels a paid order and asks for its whole payment back', () => {
    given(...confirmed(), orderPaid()).when(cancel()).then([orderCancelled(), refundRequested('order_cancelled')]);
  });

  it.each<[string, OrderEvent[]]>([
    ['rejected', rejectedHistory()],
    ['expired', [...confirmed(), orderExpired()]],
    ['cancelled', [...confirmed(), orderCancelled()]],
    ['shipped', shippedOrderHistory()],
    ['delivered', deliveredOrderHistory()],
    ['completed', [...deliveredOrderHistory(), orderCompleted()]],
  ])('refuses to cancel a %s order', (status, history) => {
    given(...history).when(cancel()).thenThrows({ code: 'conflict', message: new RegExp(status) });
  });

  it('refuses an unknown order and a blank or too long reason', () => {
    given().when(cancel()).thenThrows({ code: 'not_found', field: 'orderId' });
    given(placed()).when(cancel(' ')).thenThrows({ code: 'validation', field: 'reason' });
    given(placed()).when(cancel('r'.repeat(501))).thenThrows({ code: 'validation', field: 'reason' });
  });
});

describe('order state', () => {
  it('follows the lifecycle', () => {
    expect(foldEvents(orderDecider, []).status).toBe('absent');
    expect(foldEvents(orderDecider, confirmed())).toMatchObject({
      status: 'confirmed',
      paymentDeadline: testPaymentDeadline,
      paymentTimerId: 'o-1/payment_deadline',
      lineOutcomes: { 'MUG-001': 'reserved', 'TEA-001': 'reserved' },
    });
    expect(foldEvents(orderDecider, [...confirmed(), orderPaid()])).toMatchObject({ status: 'paid', paymentId: 'pay-1' });
  });

  it('keeps the first OrderPlaced and ignores events before it', () => {
    expect(foldEvents(orderDecider, [orderConfirmed(), placed(), placed({ customerId: 'c-2' })])).toMatchObject({ status: 'placed', customerId: 'c-1' });
  });

  it('releases every line inventory did not refuse, waiting ones included', () => {
    expect(linesToRelease(foldEvents(orderDecider, []))).toEqual([]);
    expect(linesToRelease(foldEvents(orderDecider, rejectedHistory()))).toEqual(['MUG-001']);
    expect(linesToRelease(foldEvents(orderDecider, [placed(), lineReserved('MUG-001'), orderCancelled()]))).toEqual(['MUG-001', 'TEA-001']);
    expect(linesToRelease(foldEvents(orderDecider, [...confirmed(), orderExpired()]))).toEqual(['MUG-001', 'TEA-001']);
  });
});
