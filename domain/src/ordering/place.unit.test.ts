import { orderDecider, orderStreamId, paymentTimerIdOf } from '..';
import { specificationFor } from '../shared/testing';
import { createTestLine as line, createTestOrderPlaced as placed, createTestPlaceOrder as place } from './testing';

const given = specificationFor(orderDecider);

describe('PlaceOrder', () => {
  it('places an order, computing the total from the lines', () => {
    given().when(place()).then([placed()]);
    const [event] = orderDecider.decide(place(), orderDecider.initialState());
    expect(event?.type === 'OrderPlaced' && event.data.total).toEqual({ amount: 3150, currency: 'EUR' });
  });

  it('accepts 50 lines and quantities up to 1000', () => {
    const lines = Array.from({ length: 50 }, (_, index) => line(`SKU-${index}`, 1000, 1));
    const [event] = orderDecider.decide(place({ lines }), orderDecider.initialState());
    expect(event?.type === 'OrderPlaced' && event.data.total).toEqual({ amount: 50_000, currency: 'EUR' });
  });

  it('accepts a free line', () => {
    given().when(place({ lines: [line('GIFT-1', 1, 0)] })).then([placed({ lines: [line('GIFT-1', 1, 0)] })]);
  });

  it('records nothing when the same order is placed again', () => {
    given(placed()).when(place()).thenNothingHappens();
  });

  it('refuses another order under an existing id', () => {
    given(placed()).when(place({ customerId: 'c-2' })).thenThrows({ code: 'conflict', field: 'orderId' });
    given(placed()).when(place({ lines: [line('MUG-001', 3, 1250)] })).thenThrows({ code: 'conflict', field: 'orderId' });
  });

  it.each([
    [{ lines: [] }, 'lines'],
    [{ lines: Array.from({ length: 51 }, (_, index) => line(`SKU-${index}`)) }, 'lines'],
    [{ lines: [line('MUG-001', 0)] }, 'lines.0.quantity'],
    [{ lines: [line('MUG-001', 1001)] }, 'lines.0.quantity'],
    [{ lines: [line('MUG-001', 1.5)] }, 'lines.0.quantity'],
    [{ lines: [line('MUG-001'), line('TEA-001', 1, 100, 'USD')] }, 'lines.1.unitPrice.currency'],
    [{ lines: [line('MUG-001'), line('MUG-001')] }, 'lines.1.sku'],
    [{ lines: [line('mug')] }, 'lines.0.sku'],
    [{ lines: [{ ...line('MUG-001'), name: ' ' }] }, 'lines.0.name'],
    [{ lines: [{ ...line('MUG-001'), productId: '' }] }, 'lines.0.productId'],
    [{ lines: [line('MUG-001', 1, -5)] }, 'lines.0.unitPrice.amount'],
    [{ lines: [line('MUG-001', 1, 100, 'eur')] }, 'lines.0.unitPrice.currency'],
    [{ lines: [line('MUG-001', 1000, Number.MAX_SAFE_INTEGER)] }, 'lines.0.unitPrice.amount'],
    [{ orderId: '' }, 'orderId'],
    [{ customerId: '' }, 'customerId'],
    [{ placedAt: 'now' }, 'placedAt'],
  ])('refuses invalid data %#', (overrides, field) => {
    given().when(place(overrides)).thenThrows({ code: 'validation', field });
  });

  it('names the stream and the payment timer after the order', () => {
    expect(orderStreamId('o-1')).toBe('order-o-1');
    expect(paymentTimerIdOf('o-1')).toBe('o-1/payment_deadline');
  });
});
