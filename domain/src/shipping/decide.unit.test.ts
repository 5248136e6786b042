import fc from 'fast-check';
import { avroSchemaOf } from '@ecommerce/schemas';
import { DomainError, shipmentDecider, shipmentStreamId } from '..';
import type { ShipmentCommand, ShipmentEvent, ShipmentState } from '..';
import { specificationFor } from '../shared/testing';

const given = specificationFor(shipmentDecider);
const shipmentId = 's-1';
const address = { recipient: 'Ada Lovelace', line1: '12 Rue de Rivoli', line2: null, city: 'Paris', region: null, postalCode: '75001', country: 'FR' };
const lines = [{ sku: 'MUG-001', name: 'Mug', quantity: 2 }, { sku: 'TEA-001', name: 'Tea', quantity: 1 }];

const open = (overrides: Record<string, unknown> = {}): ShipmentCommand => ({
  type: 'OpenShipment',
  data: { shipmentId, orderId: 'o-1', customerId: 'c-1', lines, address, openedAt: '2025-03-14T10:21:00.000Z', ...overrides },
});
const opened: ShipmentEvent = { type: 'ShipmentOpened', data: { shipmentId, orderId: 'o-1', customerId: 'c-1', lines, address, openedAt: '2025-03-14T10:21:00.000Z' } };
const dispatch = (trackingNumber = 'JD0146000065', carrier = 'DHL'): ShipmentCommand => ({ type: 'DispatchShipment', data: { shipmentId, carrier, trackingNumber, dispatchedAt: '2025-03-15T08:00:00.000Z' } });
const dispatched: ShipmentEvent = { type: 'ShipmentDispatched', data: { shipmentId, orderId: 'o-1', carrier: 'DHL', trackingNumber: 'JD0146000065', dispatchedAt: '2025-03-15T08:00:00.000Z' } };
const deliver = (deliveredAt = '2025-03-17T12:00:00.000Z'): ShipmentCommand => ({ type: 'DeliverShipment', data: { shipmentId, deliveredAt } });
const delivered: ShipmentEvent = { type: 'ShipmentDelivered', data: { shipmentId, orderId: 'o-1', deliveredAt: '2025-03-17T12:00:00.000Z' } };
const cancel: ShipmentCommand = { type: 'CancelShipment', data: { shipmentId, cancelledAt: '2025-03-14T11:00:00.000Z' } };
const cancelled: ShipmentEvent = { type: 'ShipmentCancelled', data: { shipmentId, orderId: 'o-1', cancelledAt: '2025-03-14T11:00:00.000Z' } };
const expect_ = (returnLines = [{ sku: 'MUG-001', quantity: 2 }]): ShipmentCommand => ({ type: 'ExpectReturn', data: { shipmentId, lines: returnLines, requestedAt: '2025-03-18T09:00:00.000Z' } });
const returnRequested: ShipmentEvent = { type: 'ShipmentReturnRequested', data: { shipmentId, orderId: 'o-1', lines: [{ sku: 'MUG-001', quantity: 2 }], requestedAt: '2025-03-18T09:00:00.000Z' } };
const record = (returned = [{ sku: 'MUG-001', restocked: 1, damaged: 1 }]): ShipmentCommand => ({ type: 'RecordReturn', data: { shipmentId, lines: returned, receivedAt: '2025-03-21T11:00:00.000Z' } });
const returnedEvent: ShipmentEvent = { type: 'ShipmentReturned', data: { shipmentId, orderId: 'o-1', lines: [{ sku: 'MUG-001', restocked: 1, damaged: 1 }], receivedAt: '2025-03-21T11:00:00.000Z' } };

describe('a shipment', () => {
  it('opens, dispatches, delivers, expects and receives a return', () => {
    given().when(open()).then([opened]);
    given(opened).when(dispatch()).then([dispatched]);
    given(opened, dispatched).when(deliver()).then([delivered]);
    given(opened, dispatched, delivered).when(expect_()).then([returnRequested]);
    given(opened, dispatched, delivered, returnRequested).when(record()).then([returnedEvent]);
    expect(shipmentStreamId('s-1')).toBe('shipment-s-1');
  });

  it('records nothing for each step again', () => {
    given(opened).when(open()).thenNothingHappens();
    given(opened, dispatched).when(dispatch()).thenNothingHappens();
    given(opened, dispatched, delivered).when(deliver()).thenNothingHappens();
    given(opened, dispatched, delivered, returnRequested).when(expect_()).thenNothingHappens();
    given(opened, dispatched, delivered, returnRequested, returnedEvent).when(record()).thenNothingHappens();
    given(opened, cancelled).when(cancel).thenNothingHappens();
  });

  it('cancels before dispatch only', () => {
    given(opened).when(cancel).then([cancelled]);
    given(opened, dispatched).when(cancel).thenThrows({ code: 'conflict', message: /dispatched shipment cannot be cancelled/ });
    given(opened, cancelled).when(dispatch()).thenThrows({ code: 'conflict', message: /cancelled shipment cannot be dispatched/ });
  });

  it('refuses steps out of order, naming the state', () => {
    given(opened).when(deliver()).thenThrows({ code: 'conflict', message: /open shipment cannot be delivered/ });
    given(opened, dispatched).when(expect_()).thenThrows({ code: 'conflict', message: /dispatched shipment cannot be returned/ });
    given(opened, dispatched, delivered).when(record()).thenThrows({ code: 'conflict', message: /delivered shipment has no return/ });
    given(opened, dispatched).when(dispatch('OTHER-123')).thenThrows({ code: 'conflict', field: 'trackingNumber' });
    given().when(dispatch()).thenThrows({ code: 'not_found', field: 'shipmentId' });
  });

  it('never takes back more than was shipped or asked back', () => {
    given(opened, dispatched, delivered).when(expect_([{ sku: 'MUG-001', quantity: 3 }])).thenThrows({ code: 'validation', field: 'lines.0.quantity' });
    given(opened, dispatched, delivered).when(expect_([{ sku: 'CUP-001', quantity: 1 }])).thenThrows({ code: 'validation', field: 'lines.0.sku' });
    given(opened, dispatched, delivered, returnRequested).when(record([{ sku: 'MUG-001', restocked: 2, damaged: 1 }])).thenThrows({ code: 'validation', field: 'lines.0.damaged' });
    given(opened, dispatched, delivered, returnRequested).when(record([{ sku: 'TEA-001', restocked: 1, damaged: 0 }])).thenThrows({ code: 'validation', field: 'lines.0.sku' });
  });

  it.each([
    [dispatch('AB1'), 'trackingNumber'],
    [dispatch('x'.repeat(51)), 'trackingNumber'],
    [dispatch('JD01 <b>'), 'trackingNumber'],
    [dispatch('JD0146000065', ''), 'carrier'],
    [deliver('2025-03-14T00:00:00.000Z'), 'deliveredAt'],
  ])('refuses invalid data %#', (command, field) => {
    const history = command.type === 'DeliverShipment' ? [opened, dispatched] : [opened];
    given(...history).when(command).thenThrows({ code: 'validation', field });
  });

  it.each([
    [{ lines: [] }, 'lines'],
    [{ lines: [{ sku: 'MUG-001', name: 'Mug', quantity: 0 }] }, 'lines.0.quantity'],
    [{ address: { ...address, country: 'ZZ' } }, 'address.country'],
    [{ orderId: '' }, 'orderId'],
  ])('refuses to open with invalid data %j', (overrides, field) => {
    given().when(open(overrides)).thenThrows({ code: 'validation', field });
  });
});

describe('a shipment under any sequence of commands', () => {
  const command: fc.Arbitrary<ShipmentCommand> = fc.oneof(
    fc.constant(open()),
    fc.constantFrom(dispatch(), dispatch('ZZ99-0001'), deliver(), cancel),
    fc.array(fc.record({ sku: fc.constantFrom('MUG-001', 'TEA-001'), quantity: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 }).map((returnLines) => expect_(returnLines)),
    fc
      .array(fc.record({ sku: fc.constantFrom('MUG-001', 'TEA-001'), restocked: fc.integer({ min: 0, max: 3 }), damaged: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 })
      .map((returned) => record(returned)),
  );

  it('never returns more than was shipped and asked back, and every event encodes', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        let state: ShipmentState = shipmentDecider.initialState();
        for (const current of commands) {
          let events: ShipmentEvent[];
          try {
            events = shipmentDecider.decide(current, state);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            continue;
          }
          for (const event of events) expect(avroSchemaOf(event.type).type.isValid(event.data)).toBe(true);
          state = events.reduce(shipmentDecider.evolve, state);
          if (state.status === 'absent') continue;
          const shipment = state;
          for (const line of shipment.returnLines ?? []) {
            expect(line.quantity).toBeLessThanOrEqual(shipment.lines.find((shipped) => shipped.sku === line.sku)?.quantity ?? 0);
          }
          for (const line of shipment.returnedLines ?? []) {
            expect(line.restocked + line.damaged).toBeLessThanOrEqual(shipment.returnLines?.find((asked) => asked.sku === line.sku)?.quantity ?? 0);
          }
          if (shipment.status === 'cancelled') expect(shipment.dispatchedAt).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
