import { foldEvents, orderDecider, refundedAmountOf, refundIdOf } from '..';
import type { OrderEvent } from '..';
import { specificationFor } from '../shared/testing';
import {
  acceptanceTimerScheduled,
  confirmedOrderHistory as confirmed,
  createTestAcceptOrder as accept,
  createTestCancelOrder as cancel,
  createTestFireTimer as fire,
  createTestMarkDelivered as deliver,
  createTestMarkShipped as ship,
  createTestOrderPlaced as placed,
  createTestPlaceOrder as place,
  createTestRecordRefund as refund,
  createTestRecordReturnReceived as receiveReturn,
  createTestRequestReturn as requestReturn,
  deliveredOrderHistory as delivered,
  orderCancelled,
  orderCompleted,
  orderDelivered,
  orderExpired,
  orderRefunded,
  orderReturned,
  orderReturnRequested,
  orderShipped,
  paidOrderHistory as paid,
  refundRequested,
  shippedOrderHistory as shipped,
  testAcceptanceTimerId,
  testAddress,
  testReturnWindowEndsAt,
} from './testing';

const given = specificationFor(orderDecider);
const returnRequested = (): OrderEvent[] => [...delivered(), orderReturnRequested()];
const returned = (): OrderEvent[] => [...returnRequested(), orderReturned(), refundRequested('items_returned', 1250)];

describe('PlaceOrder with a shipping address', () => {
  it('records the address, and null without one', () => {
    given().when(place({ shippingAddress: testAddress() })).then([placed({ shippingAddress: testAddress() })]);
    given().when(place({ shippingAddress: null })).then([placed()]);
    expect(foldEvents(orderDecider, [placed({ shippingAddress: testAddress() })])).toMatchObject({ shippingAddress: testAddress() });
  });

  it('keeps no field the address schema does not have', () => {
    const [event] = orderDecider.decide(place({ shippingAddress: { ...testAddress(), note: 'x' } as ReturnType<typeof testAddress> }), orderDecider.initialState());
    expect(event?.type === 'OrderPlaced' && event.data.shippingAddress).toEqual(testAddress());
  });

  it('treats the same order with another address as another order', () => {
    given(placed({ shippingAddress: testAddress() })).when(place({ shippingAddress: testAddress() })).thenNothingHappens();
    given(placed({ shippingAddress: testAddress() })).when(place({ shippingAddress: testAddress({ city: 'Lyon' }) })).thenThrows({ code: 'conflict', field: 'orderId' });
  });

  it.each([
    [{ country: 'XX' }, 'shippingAddress.country'],
    [{ postalCode: '!' }, 'shippingAddress.postalCode'],
    [{ recipient: '' }, 'shippingAddress.recipient'],
  ])('refuses an invalid address %j', (overrides, field) => {
    given().when(place({ shippingAddress: testAddress(overrides) })).thenThrows({ code: 'validation', field });
  });

  it('folds an OrderPlaced written before addresses existed', () => {
    const old = placed();
    delete (old.data as { shippingAddress?: unknown }).shippingAddress;
    expect(foldEvents(orderDecider, [old])).toMatchObject({ status: 'placed', shippingAddress: null });
  });
});

describe('MarkShipped', () => {
  it('ships a paid order, once', () => {
    given(...paid()).when(ship()).then([orderShipped()]);
    given(...shipped()).when(ship()).thenNothingHappens();
    given(...delivered()).when(ship()).thenNothingHappens();
  });

  it('refuses another shipment of a shipped order', () => {
    given(...shipped()).when(ship({ shipmentId: 's-2' })).thenThrows({ code: 'conflict', field: 'shipmentId' });
  });

  it.each<[string, OrderEvent[]]>([
    ['confirmed', confirmed()],
    ['cancelled', [...paid(), orderCancelled()]],
    ['expired', [...confirmed(), orderExpired()]],
  ])('refuses to ship a %s order, naming the state', (status, history) => {
    given(...history).when(ship()).thenThrows({ code: 'conflict', message: new RegExp(`${status} order cannot be shipped`) });
  });

  it.each([
    [{ carrier: '' }, 'carrier'],
    [{ carrier: 'c'.repeat(101) }, 'carrier'],
    [{ trackingNumber: 'AB1' }, 'trackingNumber'],
    [{ trackingNumber: 'A'.repeat(51) }, 'trackingNumber'],
    [{ trackingNumber: 'JD01<script>' }, 'trackingNumber'],
    [{ shippedAt: 'today' }, 'shippedAt'],
    [{ shipmentId: '' }, 'shipmentId'],
  ])('refuses invalid data %j', (overrides, field) => {
    given(...paid()).when(ship(overrides)).thenThrows({ code: 'validation', field });
  });
});

describe('MarkDelivered', () => {
  it('delivers a shipped order, recording the return window and scheduling the acceptance deadline', () => {
    given(...shipped()).when(deliver()).then([orderDelivered(), acceptanceTimerScheduled()]);
    expect(foldEvents(orderDecider, delivered())).toMatchObject({
      status: 'delivered',
      delivery: { returnWindowEndsAt: testReturnWindowEndsAt, acceptanceDeadline: testReturnWindowEndsAt },
      acceptanceTimerId: testAcceptanceTimerId,
    });
  });

  it('records nothing when delivered again', () => {
    given(...delivered()).when(deliver()).thenNothingHappens();
    given(...delivered(), orderCompleted()).when(deliver()).thenNothingHappens();
  });

  it('refuses an undelivered step: a paid order is not shipped yet', () => {
    given(...paid()).when(deliver()).thenThrows({ code: 'conflict', message: /paid order cannot be delivered/ });
  });

  it.each([
    [{ returnWindowMs: 0 }, 'returnWindowMs'],
    [{ returnWindowMs: 91 * 86_400_000, acceptanceWindowMs: 91 * 86_400_000 }, 'returnWindowMs'],
    [{ acceptanceWindowMs: 1000 }, 'acceptanceWindowMs'],
    [{ deliveredAt: '2025-03-17' }, 'deliveredAt'],
  ])('refuses invalid data %j', (overrides, field) => {
    given(...shipped()).when(deliver(overrides)).thenThrows({ code: 'validation', field });
  });
});

describe('AcceptOrder', () => {
  it('completes a delivered order, once', () => {
    given(...delivered()).when(accept()).then([orderCompleted()]);
    given(...delivered(), orderCompleted()).when(accept()).thenNothingHappens();
  });

  it.each<[string, OrderEvent[]]>([
    ['shipped', shipped()],
    ['paid', paid()],
    ['return_requested', returnRequested()],
    ['cancelled', [...confirmed(), orderCancelled()]],
  ])('refuses to accept a %s order, naming the state', (status, history) => {
    given(...history).when(accept()).thenThrows({ code: 'conflict', message: new RegExp(`${status} order cannot be accepted`) });
  });
});

describe('the acceptance deadline', () => {
  it('completes a delivered order at and after its deadline', () => {
    given(...delivered()).when(fire(testReturnWindowEndsAt, testAcceptanceTimerId)).then([orderCompleted('deadline', testReturnWindowEndsAt)]);
  });

  it('is stale when early, for the wrong timer, or once the order was accepted or returned', () => {
    given(...delivered()).when(fire('2025-03-31T11:59:59.999Z', testAcceptanceTimerId)).thenNothingHappens();
    given(...delivered()).when(fire(testReturnWindowEndsAt)).thenNothingHappens();
    given(...delivered(), orderCompleted()).when(fire(testReturnWindowEndsAt, testAcceptanceTimerId)).thenNothingHappens();
    given(...returnRequested()).when(fire(testReturnWindowEndsAt, testAcceptanceTimerId)).thenNothingHappens();
  });
});

describe('RequestReturn', () => {
  it('asks to return some lines within the window, the last instant included', () => {
    given(...delivered()).when(requestReturn()).then([orderReturnRequested()]);
    const both = [{ sku: 'MUG-001', quantity: 2 }, { sku: 'TEA-001', quantity: 1 }];
    const [event] = orderDecider.decide(requestReturn(both, testReturnWindowEndsAt), foldEvents(orderDecider, delivered()));
    expect(event).toEqual({ type: 'OrderReturnRequested', data: { orderId: 'o-1', lines: both, reason: 'arrived chipped', requestedAt: testReturnWindowEndsAt } });
  });

  it('records nothing for the same request again, and refuses another', () => {
    given(...returnRequested()).when(requestReturn()).thenNothingHappens();
    given(...returnRequested()).when(requestReturn([{ sku: 'TEA-001', quantity: 1 }])).thenThrows({ code: 'conflict', message: /return_requested order cannot be returned/ });
  });

  it('refuses a return after the window', () => {
    given(...delivered()).when(requestReturn(undefined, '2025-03-31T12:00:00.001Z')).thenThrows({ code: 'conflict', message: /return window .* closed/ });
  });

  it.each<[string, OrderEvent[]]>([
    ['shipped', shipped()],
    ['completed', [...delivered(), orderCompleted()]],
    ['paid', paid()],
  ])('refuses to return a %s order', (status, history) => {
    given(...history).when(requestReturn()).thenThrows({ code: 'conflict', message: new RegExp(`${status} order cannot be returned`) });
  });

  it.each([
    [[], 'lines'],
    [[{ sku: 'CUP-009', quantity: 1 }], 'lines.0.sku'],
    [[{ sku: 'MUG-001', quantity: 3 }], 'lines.0.quantity'],
    [[{ sku: 'MUG-001', quantity: 0 }], 'lines.0.quantity'],
    [[{ sku: 'MUG-001', quantity: 1 }, { sku: 'MUG-001', quantity: 1 }], 'lines.1.sku'],
  ])('refuses invalid lines %j', (lines, field) => {
    given(...delivered()).when(requestReturn(lines)).thenThrows({ code: 'validation', field });
  });

  it('refuses a blank or too long reason', () => {
    const command = requestReturn();
    given(...delivered()).when({ ...command, data: { ...command.data, reason: ' ' } }).thenThrows({ code: 'validation', field: 'reason' });
    given(...delivered()).when({ ...command, data: { ...command.data, reason: 'r'.repeat(501) } }).thenThrows({ code: 'validation', field: 'reason' });
  });
});

describe('RecordReturnReceived', () => {
  it('records what came back and asks to refund its value', () => {
    given(...returnRequested()).when(receiveReturn()).then([orderReturned(), refundRequested('items_returned', 1250)]);
    const lines = [{ sku: 'MUG-001', restocked: 0, damaged: 1 }];
    given(...returnRequested()).when(receiveReturn(lines)).then([orderReturned(lines), refundRequested('items_returned', 1250)]);
  });

  it('refunds nothing when nothing came back', () => {
    const lines = [{ sku: 'MUG-001', restocked: 0, damaged: 0 }];
    given(...returnRequested()).when(receiveReturn(lines)).then([orderReturned(lines, 0)]);
  });

  it('records nothing for the same receipt again, and refuses other quantities', () => {
    given(...returned()).when(receiveReturn()).thenNothingHappens();
    given(...returned()).when(receiveReturn([{ sku: 'MUG-001', restocked: 0, damaged: 1 }])).thenThrows({ code: 'conflict', field: 'lines' });
  });

  it('refuses a receipt without a return request', () => {
    given(...delivered()).when(receiveReturn()).thenThrows({ code: 'conflict', message: /delivered order has no return/ });
  });

  it.each([
    [[{ sku: 'TEA-001', restocked: 1, damaged: 0 }], 'lines.0.sku'],
    [[{ sku: 'MUG-001', restocked: 1, damaged: 1 }], 'lines.0.damaged'],
    [[{ sku: 'MUG-001', restocked: 2, damaged: 0 }], 'lines.0.restocked'],
    [[{ sku: 'MUG-001', restocked: -1, damaged: 0 }], 'lines.0.restocked'],
  ])('refuses more than was asked back %j', (lines, field) => {
    given(...returnRequested()).when(receiveReturn(lines)).thenThrows({ code: 'validation', field });
  });
});

describe('RecordRefund', () => {
  it('closes a returned order with the return refund, once', () => {
    given(...returned()).when(refund()).then([orderRefunded()]);
    given(...returned(), orderRefunded()).when(refund()).thenNothingHappens();
    expect(foldEvents(orderDecider, [...returned(), orderRefunded()]).status).toBe('refunded');
  });

  it('records other refunds without moving the order', () => {
    const cancelledRefund = refundIdOf('pay-1', 'order_cancelled');
    const history = [...paid(), orderCancelled(), refundRequested('order_cancelled'), orderRefunded(cancelledRefund, 3150)];
    const state = foldEvents(orderDecider, history);
    expect(state.status).toBe('cancelled');
    expect(state.status !== 'absent' && refundedAmountOf(state)).toBe(3150);
    given(...delivered()).when(refund('admin-refund-1', 500)).then([orderRefunded('admin-refund-1', 500)]);
    expect(foldEvents(orderDecider, [...returned(), orderRefunded('admin-refund-1', 500)]).status).toBe('returned');
  });

  it('refuses an unknown order and malformed data', () => {
    given().when(refund()).thenThrows({ code: 'not_found', field: 'orderId' });
    given(...returned()).when(refund('', 1)).thenThrows({ code: 'validation', field: 'refundId' });
    given(...returned()).when(refund(undefined, -1)).thenThrows({ code: 'validation', field: 'amount.amount' });
  });
});

describe('a payment that did not pay the order', () => {
  it('is given back once, even when the order moved on in between (found by the lifecycle property)', () => {
    const mismatch = { type: 'MarkPaid' as const, data: { orderId: 'o-1', paymentId: 'pay-3', amount: { amount: 3000, currency: 'EUR' } } };
    given(...confirmed(), refundRequested('amount_mismatch', 3000, 'pay-3'), orderCancelled()).when(mismatch).thenNothingHappens();
  });
});

describe('CancelOrder after payment', () => {
  it('refuses to cancel once shipped', () => {
    given(...shipped()).when(cancel()).thenThrows({ code: 'conflict', message: /shipped order cannot be cancelled/ });
  });

  it('refunds a further capture on a cancelled paid order, and ignores the redelivered first one', () => {
    const history = [...paid(), orderCancelled(), refundRequested('order_cancelled')];
    given(...history).when({ type: 'MarkPaid', data: { orderId: 'o-1', paymentId: 'pay-1', amount: { amount: 3150, currency: 'EUR' } } }).thenNothingHappens();
    given(...history)
      .when({ type: 'MarkPaid', data: { orderId: 'o-1', paymentId: 'pay-9', amount: { amount: 3150, currency: 'EUR' } } })
      .then([refundRequested('duplicate_payment', 3150, 'pay-9')]);
  });
});
