import { UndecodableMessageError } from '@ecommerce/platform';
import { inventoryDecider, inventoryStateFromJson, inventoryStateToJson, inventoryStreamId, stockReleaseReasons } from '@ecommerce/domain';
import type { InventoryCommand, InventoryState } from '@ecommerce/domain';
import type { ActorDefinition, ActorEvent } from '../runtime/actor';
import { decodeInboxMessage } from '../runtime/inbox';
import { toActorDecider } from './actor-decider';
import { integerField, oneOf, stringField } from './message-fields';
import type { InventoryMessage } from './messages';
import { inventoryActorType } from './messages';

export type InventoryActor = ActorDefinition<InventoryMessage, InventoryCommand, ActorEvent, InventoryState, typeof inventoryActorType>;

function decodeInventoryMessage(body: Record<string, unknown>): InventoryMessage {
  const sku = stringField(body, 'sku');
  const orderId = stringField(body, 'orderId');
  switch (body.type) {
    case 'ReserveStock':
      return { type: 'ReserveStock', sku, orderId, quantity: integerField(body, 'quantity'), expiresAt: stringField(body, 'expiresAt') };
    case 'ReleaseStock':
      return { type: 'ReleaseStock', sku, orderId, reason: oneOf(body, 'reason', stockReleaseReasons) };
    case 'CommitStock':
      return { type: 'CommitStock', sku, orderId };
    case 'ReturnStock':
      return { type: 'ReturnStock', sku, orderId, quantity: integerField(body, 'quantity') };
    default:
      throw new UndecodableMessageError(`the inventory actor has no message ${String(body.type)}`);
  }
}

/** Stock per SKU, stream `inventory-<sku>`: reservations are answered one at a time per SKU, so none oversells. */
export function createInventoryActor(): InventoryActor {
  return {
    type: inventoryActorType,
    keyOf: (message) => message.sku,
    streamIdOf: inventoryStreamId,
    decider: toActorDecider(inventoryDecider),
    snapshot: {
      toData: inventoryStateToJson,
      fromData: (data) => inventoryStateFromJson(data as ReturnType<typeof inventoryStateToJson>),
      // a hot SKU holds thousands of orders (open holds and settled ones)
      sizeOf: (state) => state.reservations.size + state.settledOrders.size,
    },
    decode: (raw) => decodeInventoryMessage(decodeInboxMessage(raw)),
    toCommand(message): InventoryCommand {
      switch (message.type) {
        case 'ReserveStock':
          return { type: 'ReserveStock', data: { sku: message.sku, orderId: message.orderId, quantity: message.quantity, expiresAt: message.expiresAt } };
        case 'ReleaseStock':
          return { type: 'ReleaseStock', data: { sku: message.sku, orderId: message.orderId, reason: message.reason } };
        case 'CommitStock':
          return { type: 'CommitStock', data: { sku: message.sku, orderId: message.orderId } };
        case 'ReturnStock':
          return { type: 'ReturnStock', data: { sku: message.sku, orderId: message.orderId, quantity: message.quantity } };
      }
    },
  };
}
