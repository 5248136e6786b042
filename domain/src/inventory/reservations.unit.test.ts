import { availableOf, expiredReservations, foldEvents, inventoryDecider, inventoryStateFromJson, inventoryStateToJson, onHandOf, reservationOf, satisfiesStockInvariant, settlementOf } from '..';
import type { AdjustStock } from '..';
import { specificationFor } from '../shared/testing';
import {
  createTestAdjusted as adjusted,
  createTestCommitStock as commit,
  createTestReleaseStock as release,
  createTestReserveStock as reserve,
  createTestRestocked as restocked,
  createTestStockCommitted as committed,
  createTestStockReleased as released,
  createTestStockReservationRejected as rejected,
  createTestStockReserved as reserved,
  testSku as sku,
} from './testing';

const given = specificationFor(inventoryDecider);
const adjust = (delta: number): AdjustStock => ({ type: 'AdjustStock', data: { sku, delta, reason: 'stock count' } });

describe('ReserveStock', () => {
  it('reserves what is available, up to the last unit', () => {
    given(restocked(5)).when(reserve('o-1', 2)).then([reserved('o-1', 2)]);
    given(restocked(5), reserved('o-1', 2)).when(reserve('o-2', 3)).then([reserved('o-2', 3)]);
  });

  it('counts found stock and write-offs', () => {
    given(adjusted(4)).when(reserve('o-1', 4)).then([reserved('o-1', 4)]);
    given(restocked(5), adjusted(-2)).when(reserve('o-1', 4)).then([rejected('o-1', 4, 3)]);
  });

  it('rejects the whole line when short, saying how many are available', () => {
    given(restocked(5), reserved('o-1', 3)).when(reserve('o-2', 3)).then([rejected('o-2', 3, 2)]);
    given(restocked(2), reserved('o-1', 1), committed('o-1', 1), reserved('o-2', 1)).when(reserve('o-3', 1)).then([rejected('o-3', 1, 0)]);
  });

  it('rejects a SKU never restocked nor adjusted as unknown', () => {
    given().when(reserve('o-1', 1)).then([rejected('o-1', 1, 0, 'unknown_sku')]);
  });

  it('rejects as short, not unknown, a SKU whose stock is all gone', () => {
    given(restocked(1), adjusted(-1)).when(reserve('o-1', 1)).then([rejected('o-1', 1, 0)]);
  });

  it('answers each order once: a redelivered reserve records nothing', () => {
    given(restocked(5), reserved('o-1', 2)).when(reserve('o-1', 2)).thenNothingHappens();
    given(restocked(5), reserved('o-1', 2)).when(reserve('o-1', 3)).thenNothingHappens();
    given(restocked(1), rejected('o-1', 2, 1)).when(reserve('o-1', 2)).thenNothingHappens();
    given(restocked(5), reserved('o-1', 2), released('o-1', 2)).when(reserve('o-1', 2)).thenNothingHappens();
    given(restocked(5), reserved('o-1', 2), committed('o-1', 2)).when(reserve('o-1', 2)).thenNothingHappens();
  });

  it.each([
    [{ quantity: 0 }, 'quantity'],
    [{ quantity: -1 }, 'quantity'],
    [{ quantity: 1.5 }, 'quantity'],
    [{ quantity: 2 ** 31 }, 'quantity'],
    [{ orderId: '' }, 'orderId'],
    [{ sku: 'mug' }, 'sku'],
    [{ expiresAt: 'soon' }, 'expiresAt'],
  ])('refuses invalid data %j', (overrides, field) => {
    given(restocked(5)).when(reserve('o-1', 1, overrides)).thenThrows({ code: 'validation', field });
  });
});

describe('ReleaseStock', () => {
  it('gives the whole hold back, with the reason', () => {
    given(restocked(5), reserved('o-1', 2)).when(release('o-1', 'order_expired')).then([released('o-1', 2, 'order_expired')]);
  });

  it('records nothing for an order without an open hold', () => {
    given(restocked(5)).when(release('o-9')).thenNothingHappens();
    given(restocked(1), rejected('o-1', 2, 1)).when(release('o-1')).thenNothingHappens();
    given(restocked(5), reserved('o-1', 2), released('o-1', 2)).when(release('o-1')).thenNothingHappens();
    given(restocked(5), reserved('o-1', 2), committed('o-1', 2)).when(release('o-1')).thenNothingHappens();
  });

  it('refuses an unknown reason and a malformed order id', () => {
    given(restocked(5), reserved('o-1', 2))
      .when({ type: 'ReleaseStock', data: { sku, orderId: 'o-1', reason: 'bored' as 'order_expired' } })
      .thenThrows({ code: 'validation', field: 'reason' });
    given(restocked(5)).when(release('')).thenThrows({ code: 'validation', field: 'orderId' });
  });
});

describe('CommitStock', () => {
  it('sells exactly the held units', () => {
    given(restocked(5), reserved('o-1', 2)).when(commit('o-1')).then([committed('o-1', 2)]);
  });

  it('records nothing for an order without an open hold', () => {
    given(restocked(5)).when(commit('o-9')).thenNothingHappens();
    given(restocked(5), reserved('o-1', 2), committed('o-1', 2)).when(commit('o-1')).thenNothingHappens();
    given(restocked(5), reserved('o-1', 2), released('o-1', 2)).when(commit('o-1')).thenNothingHappens();
    given(restocked(1), rejected('o-1', 2, 1)).when(commit('o-1')).thenNothingHappens();
  });

  it('refuses a malformed SKU', () => {
    given().when({ type: 'CommitStock', data: { sku: '-X', orderId: 'o-1' } }).thenThrows({ code: 'validation', field: 'sku' });
  });
});

describe('AdjustStock with reservations', () => {
  it('may write off only what no order holds', () => {
    given(restocked(5), reserved('o-1', 3)).when(adjust(-3)).thenThrows({ code: 'conflict', field: 'delta', message: /only 2 available/ });
    given(restocked(5), reserved('o-1', 3)).when(adjust(-2)).then([adjusted(-2)]);
    given(restocked(5), reserved('o-1', 3), released('o-1', 3)).when(adjust(-5)).then([adjusted(-5)]);
  });
});

describe('inventory state with reservations', () => {
  it('moves units from reserved to sold or back to available', () => {
    const state = foldEvents(inventoryDecider, [restocked(10), reserved('o-1', 3), reserved('o-2', 2), committed('o-1', 3), released('o-2', 2), reserved('o-3', 1)]);
    expect(state).toMatchObject({ received: 10, reserved: 1, sold: 3 });
    expect(onHandOf(state)).toBe(7);
    expect(availableOf(state)).toBe(6);
    expect(satisfiesStockInvariant(state)).toBe(true);
    expect(reservationOf(state, 'o-3')).toEqual({ quantity: 1, expiresAt: '2025-03-14T10:45:00.000Z' });
    expect([settlementOf(state, 'o-1'), settlementOf(state, 'o-2'), settlementOf(state, 'o-3')]).toEqual(['committed', 'released', undefined]);
  });

  it('keeps a rejected order settled without touching the totals', () => {
    const state = foldEvents(inventoryDecider, [restocked(1), rejected('o-1', 2, 1)]);
    expect(state).toMatchObject({ reserved: 0, sold: 0 });
    expect(settlementOf(state, 'o-1')).toBe('rejected');
  });

  it('treats order ids that are Object.prototype names as plain ids', () => {
    for (const orderId of ['__proto__', 'constructor', 'toString']) {
      const state = foldEvents(inventoryDecider, [restocked(5)]);
      expect(reservationOf(state, orderId)).toBeUndefined();
      const [event] = inventoryDecider.decide(reserve(orderId, 2), state);
      expect(event).toEqual(reserved(orderId, 2));
      const held = inventoryDecider.evolve(state, event!);
      expect(reservationOf(held, orderId)).toEqual({ quantity: 2, expiresAt: '2025-03-14T10:45:00.000Z' });
      expect(inventoryDecider.decide(release(orderId), held)).toEqual([released(orderId, 2)]);
    }
  });

  it('survives a snapshot as JSON, holds and settled orders included (Object.prototype names too)', () => {
    const state = foldEvents(inventoryDecider, [restocked(9), reserved('__proto__', 2), reserved('o-2', 1), rejected('constructor', 4, 6)]);
    const restored = inventoryStateFromJson(JSON.parse(JSON.stringify(inventoryStateToJson(state))) as ReturnType<typeof inventoryStateToJson>);
    expect(inventoryStateToJson(restored)).toEqual(inventoryStateToJson(state));
    expect(reservationOf(restored, '__proto__')).toEqual({ quantity: 2, expiresAt: '2025-03-14T10:45:00.000Z' });
    expect(settlementOf(restored, 'constructor')).toBe('rejected');
    expect(availableOf(restored)).toBe(6);
  });

  it('lists the holds past their expiry', () => {
    const state = foldEvents(inventoryDecider, [
      restocked(10),
      reserved('o-1', 1),
      { type: 'StockReserved', data: { sku, orderId: 'o-2', quantity: 1, expiresAt: '2025-03-14T11:00:00.000Z' } },
    ]);
    expect(expiredReservations(state, Date.parse('2025-03-14T10:45:00.000Z'))).toEqual(['o-1']);
    expect(expiredReservations(state, Date.parse('2025-03-14T10:44:59.999Z'))).toEqual([]);
  });
});
