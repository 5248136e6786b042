import { evolveShipmentFields } from './document';
import type { ShipmentFields } from './document';

const shipmentId = '00000000-0000-4000-8000-0000000000d1';
const orderId = '00000000-0000-4000-8000-0000000000a1';
const customerId = '00000000-0000-4000-8000-0000000000c1';
const address = { recipient: 'Ada', line1: '1 Main St', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' };

const createTestEvent = (type: string, data: Record<string, unknown>, revision: number) => ({
  type, data: { shipmentId, orderId, ...data }, revision, occurredAt: `2024-05-01T10:00:0${revision}.000Z`,
});

const opened = createTestEvent('ShipmentOpened', { customerId, lines: [{ sku: 'SHOE-1', name: 'Shoes', quantity: 2 }], address, openedAt: '2024-05-01T10:00:00.000Z' }, 0);

const fold = (...events: Array<ReturnType<typeof createTestEvent>>): ShipmentFields | null =>
  events.reduce<ShipmentFields | null>((fields, event) => evolveShipmentFields(fields, event), null);

describe('evolveShipmentFields', () => {
  it('opens a shipment with its lines and address', () => {
    expect(fold(opened)).toEqual({
      shipmentId, orderId, customerId, status: 'open', lines: [{ sku: 'SHOE-1', name: 'Shoes', quantity: 2 }], address, carrier: null, trackingNumber: null,
      openedAt: '2024-05-01T10:00:00.000Z', dispatchedAt: null, deliveredAt: null, cancelledAt: null, returnRequest: null, returned: null,
      updatedAt: '2024-05-01T10:00:00.000Z', revision: 0,
    });
  });

  it('dispatches with carrier and tracking, delivers, and takes a return back', () => {
    const fields = fold(
      opened,
      createTestEvent('ShipmentDispatched', { carrier: 'UPS', trackingNumber: '1Z999', dispatchedAt: '2024-05-02T00:00:00.000Z' }, 1),
      createTestEvent('ShipmentDelivered', { deliveredAt: '2024-05-03T00:00:00.000Z' }, 2),
      createTestEvent('ShipmentReturnRequested', { lines: [{ sku: 'SHOE-1', quantity: 1 }], requestedAt: '2024-05-04T00:00:00.000Z' }, 3),
      createTestEvent('ShipmentReturned', { lines: [{ sku: 'SHOE-1', restocked: 0, damaged: 1 }], receivedAt: '2024-05-05T00:00:00.000Z' }, 4),
    );
    expect(fields).toMatchObject({
      status: 'returned', carrier: 'UPS', trackingNumber: '1Z999', dispatchedAt: '2024-05-02T00:00:00.000Z', deliveredAt: '2024-05-03T00:00:00.000Z',
      returnRequest: { lines: [{ sku: 'SHOE-1', quantity: 1 }], requestedAt: '2024-05-04T00:00:00.000Z' },
      returned: { lines: [{ sku: 'SHOE-1', restocked: 0, damaged: 1 }], receivedAt: '2024-05-05T00:00:00.000Z' }, revision: 4,
    });
  });

  it('cancels an open shipment', () => {
    expect(fold(opened, createTestEvent('ShipmentCancelled', { cancelledAt: '2024-05-01T11:00:00.000Z' }, 1))).toMatchObject({ status: 'cancelled', cancelledAt: '2024-05-01T11:00:00.000Z' });
  });

  it('ignores events of a shipment it has not seen opened, and a second ShipmentOpened', () => {
    expect(evolveShipmentFields(null, createTestEvent('ShipmentDelivered', { deliveredAt: 'x' }, 1))).toBeNull();
    const before = fold(opened);
    expect(evolveShipmentFields(before, { ...opened, revision: 2 })).toBe(before);
  });
});
