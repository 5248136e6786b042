import type { ShipmentLine } from '@ecommerce/schemas';
import {
  assertCarrier,
  assertId,
  assertPostalAddress,
  assertReturnedLines,
  assertReturnLines,
  assertSku,
  assertText,
  assertTimestamp,
  assertTrackingNumber,
  copyPostalAddress,
  DomainError,
  samePostalAddress,
  sameReturnedLines,
  sameReturnLines,
} from '../shared';
import type { CancelShipment, DeliverShipment, DispatchShipment, ExpectReturn, OpenShipment, RecordReturn, ShipmentCommand } from './commands';
import type { ShipmentEvent } from './events';
import type { Shipment, ShipmentState, ShipmentStatus } from './state';

/** The same numbers as the ordering context's: a shipment carries an order's lines. */
export const shippingLimits = { linesMax: 50, quantityMax: 1000, nameMax: 200 } as const;

const requireShipment = (state: ShipmentState): Shipment => {
  if (state.status === 'absent') throw DomainError.notFound('shipment not found', 'shipmentId');
  return state;
};

const aShipment = (status: string): string => `${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status} shipment`;

const assertShipmentLines = (lines: readonly ShipmentLine[]): void => {
  if (!Array.isArray(lines) || lines.length === 0) throw DomainError.validation('a shipment needs at least one line', 'lines');
  if (lines.length > shippingLimits.linesMax) throw DomainError.validation(`a shipment has at most ${shippingLimits.linesMax} lines`, 'lines');
  const skus = new Set<string>();
  lines.forEach((line, index) => {
    const field = `lines.${index}`;
    assertSku(line.sku, `${field}.sku`);
    assertText(line.name, `${field}.name`, { min: 1, max: shippingLimits.nameMax });
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > shippingLimits.quantityMax) {
      throw DomainError.validation(`quantity must be a whole number from 1 to ${shippingLimits.quantityMax}`, `${field}.quantity`);
    }
    if (skus.has(line.sku)) throw DomainError.validation('each SKU may appear on one line only', `${field}.sku`);
    skus.add(line.sku);
  });
};

const sameShipmentLines = (a: readonly ShipmentLine[], b: readonly ShipmentLine[]): boolean =>
  a.length === b.length && a.every((line, index) => line.sku === b[index]?.sku && line.name === b[index]?.name && line.quantity === b[index]?.quantity);

export const openShipment = ({ data }: OpenShipment, state: ShipmentState): ShipmentEvent[] => {
  assertId(data.shipmentId, 'shipmentId');
  assertId(data.orderId, 'orderId');
  assertId(data.customerId, 'customerId');
  assertShipmentLines(data.lines);
  assertPostalAddress(data.address);
  assertTimestamp(data.openedAt, 'openedAt');
  if (state.status !== 'absent') {
    const same = state.orderId === data.orderId && state.customerId === data.customerId && sameShipmentLines(state.lines, data.lines) && samePostalAddress(state.address, data.address);
    if (same) return [];
    throw DomainError.conflict('shipment already exists', 'shipmentId');
  }
  const lines = data.lines.map(({ sku, name, quantity }) => ({ sku, name, quantity }));
  const { shipmentId, orderId, customerId, openedAt } = data;
  return [{ type: 'ShipmentOpened', data: { shipmentId, orderId, customerId, lines, address: copyPostalAddress(data.address), openedAt } }];
};

const dispatchedOrLater: ReadonlySet<ShipmentStatus> = new Set(['dispatched', 'delivered', 'return_requested', 'returned']);
const deliveredOrLater: ReadonlySet<ShipmentStatus> = new Set(['delivered', 'return_requested', 'returned']);

export const dispatchShipment = ({ data }: DispatchShipment, state: ShipmentState): ShipmentEvent[] => {
  assertId(data.shipmentId, 'shipmentId');
  assertCarrier(data.carrier);
  assertTrackingNumber(data.trackingNumber);
  assertTimestamp(data.dispatchedAt, 'dispatchedAt');
  const shipment = requireShipment(state);
  if (dispatchedOrLater.has(shipment.status)) {
    if (shipment.carrier === data.carrier && shipment.trackingNumber === data.trackingNumber) return [];
    throw DomainError.conflict(`${aShipment(shipment.status)} was dispatched with another carrier or tracking number`, 'trackingNumber');
  }
  if (shipment.status !== 'open') throw DomainError.conflict(`${aShipment(shipment.status)} cannot be dispatched`);
  const { shipmentId, carrier, trackingNumber, dispatchedAt } = data;
  return [{ type: 'ShipmentDispatched', data: { shipmentId, orderId: shipment.orderId, carrier, trackingNumber, dispatchedAt } }];
};

export const deliverShipment = ({ data }: DeliverShipment, state: ShipmentState): ShipmentEvent[] => {
  assertId(data.shipmentId, 'shipmentId');
  const deliveredAt = assertTimestamp(data.deliveredAt, 'deliveredAt');
  const shipment = requireShipment(state);
  if (deliveredOrLater.has(shipment.status)) return [];
  if (shipment.status !== 'dispatched') throw DomainError.conflict(`${aShipment(shipment.status)} cannot be delivered`);
  if (shipment.dispatchedAt !== null && deliveredAt < Date.parse(shipment.dispatchedAt)) {
    throw DomainError.validation('a shipment cannot be delivered before it was dispatched', 'deliveredAt');
  }
  return [{ type: 'ShipmentDelivered', data: { shipmentId: data.shipmentId, orderId: shipment.orderId, deliveredAt: data.deliveredAt } }];
};

export const cancelShipment = ({ data }: CancelShipment, state: ShipmentState): ShipmentEvent[] => {
  assertId(data.shipmentId, 'shipmentId');
  assertTimestamp(data.cancelledAt, 'cancelledAt');
  const shipment = requireShipment(state);
  if (shipment.status === 'cancelled') return [];
  if (shipment.status !== 'open') throw DomainError.conflict(`${aShipment(shipment.status)} cannot be cancelled`);
  return [{ type: 'ShipmentCancelled', data: { shipmentId: data.shipmentId, orderId: shipment.orderId, cancelledAt: data.cancelledAt } }];
};

/** Never more of a line than was shipped. */
export const expectReturn = ({ data }: ExpectReturn, state: ShipmentState): ShipmentEvent[] => {
  assertId(data.shipmentId, 'shipmentId');
  assertTimestamp(data.requestedAt, 'requestedAt');
  const shipment = requireShipment(state);
  assertReturnLines(data.lines, shipment.lines);
  if (shipment.status === 'return_requested' || shipment.status === 'returned') {
    if (shipment.returnLines !== null && sameReturnLines(shipment.returnLines, data.lines)) return [];
    throw DomainError.conflict(`${aShipment(shipment.status)} already expects another return`, 'lines');
  }
  if (shipment.status !== 'delivered') throw DomainError.conflict(`${aShipment(shipment.status)} cannot be returned`);
  const lines = data.lines.map(({ sku, quantity }) => ({ sku, quantity }));
  return [{ type: 'ShipmentReturnRequested', data: { shipmentId: data.shipmentId, orderId: shipment.orderId, lines, requestedAt: data.requestedAt } }];
};

/** Per line, restocked + damaged never more than was asked back. */
export const recordReturn = ({ data }: RecordReturn, state: ShipmentState): ShipmentEvent[] => {
  assertId(data.shipmentId, 'shipmentId');
  assertTimestamp(data.receivedAt, 'receivedAt');
  const shipment = requireShipment(state);
  if (shipment.status === 'returned') {
    if (shipment.returnedLines !== null && sameReturnedLines(shipment.returnedLines, data.lines)) return [];
    throw DomainError.conflict('a returned shipment was already received with other quantities', 'lines');
  }
  if (shipment.status !== 'return_requested' || shipment.returnLines === null) {
    throw DomainError.conflict(`${aShipment(shipment.status)} has no return to receive`);
  }
  assertReturnedLines(data.lines, shipment.returnLines);
  const lines = data.lines.map(({ sku, restocked, damaged }) => ({ sku, restocked, damaged }));
  return [{ type: 'ShipmentReturned', data: { shipmentId: data.shipmentId, orderId: shipment.orderId, lines, receivedAt: data.receivedAt } }];
};

export const decideShipment = (command: ShipmentCommand, state: ShipmentState): ShipmentEvent[] => {
  switch (command.type) {
    case 'OpenShipment':
      return openShipment(command, state);
    case 'DispatchShipment':
      return dispatchShipment(command, state);
    case 'DeliverShipment':
      return deliverShipment(command, state);
    case 'CancelShipment':
      return cancelShipment(command, state);
    case 'ExpectReturn':
      return expectReturn(command, state);
    case 'RecordReturn':
      return recordReturn(command, state);
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
