import { UndecodableMessageError } from '@ecommerce/platform';
import { shipmentDecider, shipmentStreamId } from '@ecommerce/domain';
import type { ShipmentCommand, ShipmentState } from '@ecommerce/domain';
import type { PostalAddress } from '@ecommerce/schemas';
import type { ActorDefinition, ActorEvent } from '../runtime/actor';
import { decodeInboxMessage } from '../runtime/inbox';
import { toActorDecider } from './actor-decider';
import type { ShipmentMessage } from './lifecycle-messages';
import { shipmentActorType } from './lifecycle-messages';
import { integerField, listField, objectField, stringField } from './message-fields';

export type ShipmentActor = ActorDefinition<ShipmentMessage, ShipmentCommand, ActorEvent, ShipmentState, typeof shipmentActorType>;

function decodeShipmentMessage(body: Record<string, unknown>): ShipmentMessage {
  const shipmentId = stringField(body, 'shipmentId');
  switch (body.type) {
    case 'OpenShipment':
      return {
        type: 'OpenShipment',
        shipmentId,
        orderId: stringField(body, 'orderId'),
        customerId: stringField(body, 'customerId'),
        lines: listField(body, 'lines', (line) => ({ sku: stringField(line, 'sku'), name: stringField(line, 'name'), quantity: integerField(line, 'quantity') })),
        // The shipping decider checks every field of the address.
        address: body.address === null ? null : (objectField(body, 'address') as unknown as PostalAddress),
      };
    case 'CancelShipment':
      return { type: 'CancelShipment', shipmentId };
    case 'ExpectReturn':
      return {
        type: 'ExpectReturn',
        shipmentId,
        lines: listField(body, 'lines', (line) => ({ sku: stringField(line, 'sku'), quantity: integerField(line, 'quantity') })),
        requestedAt: stringField(body, 'requestedAt'),
      };
    default:
      throw new UndecodableMessageError(`the shipment actor has no message ${String(body.type)}`);
  }
}

/**
 * One shipment per stream `shipment-<shipmentId>`: the router opens it when its order is paid,
 * cancels it when a paid order is cancelled, and tells it of a return; admins dispatch, deliver
 * and receive it back through the command API on the same stream.
 */
export function createShipmentActor(): ShipmentActor {
  return {
    type: shipmentActorType,
    keyOf: (message) => message.shipmentId,
    streamIdOf: shipmentStreamId,
    // Admins dispatch, deliver and receive returns through the command API.
    sharedStream: true,
    decider: toActorDecider(shipmentDecider),
    decode: (raw) => decodeShipmentMessage(decodeInboxMessage(raw)),
    toCommand(message, _state, now): ShipmentCommand {
      const at = now.toISOString();
      switch (message.type) {
        case 'OpenShipment': {
          const { shipmentId, orderId, customerId, lines, address } = message;
          if (address === null) throw new UndecodableMessageError(`OpenShipment: order ${orderId} has no shipping address, so nothing can be shipped`);
          return { type: 'OpenShipment', data: { shipmentId, orderId, customerId, lines, address, openedAt: at } };
        }
        case 'CancelShipment':
          return { type: 'CancelShipment', data: { shipmentId: message.shipmentId, cancelledAt: at } };
        case 'ExpectReturn':
          return { type: 'ExpectReturn', data: { shipmentId: message.shipmentId, lines: message.lines, requestedAt: message.requestedAt } };
      }
    },
  };
}
