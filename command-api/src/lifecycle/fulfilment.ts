import type { Principal } from '@ecommerce/platform';
import { DomainError, orderDecider, orderStreamId, shipmentDecider, shipmentStreamId } from '@ecommerce/domain';
import type { OrderEvent, OrderState, ShipmentCommand } from '@ecommerce/domain';
import type { ReturnedLine } from '@ecommerce/schemas';
import type { CommandAnswer } from '../command-answer';
import { handleCommand } from '../handle-command';
import type { CommandContext, DeciderLike } from '../handle-command';
import { answerOf } from '../command-answer';
import { ownOrderOnly, requireAdmin } from './authorization';

/** The customer names products, the order's lines are by SKU: the lines are matched against the order as loaded. */
interface ReturnProducts {
  type: 'ReturnProducts';
  data: { orderId: string; lines: Array<{ productId: string; quantity: number }>; reason: string; requestedAt: string };
}

const returnProductsDecider: DeciderLike<ReturnProducts, OrderEvent, OrderState> = {
  initialState: orderDecider.initialState,
  evolve: orderDecider.evolve,
  decide: ({ data }, state) => {
    const orderLines = state.status === 'absent' ? [] : state.lines;
    const lines = data.lines.map((line, index) => {
      const ordered = orderLines.find((candidate) => candidate.productId === line.productId);
      if (!ordered) throw DomainError.validation('the order has no line with this product', `lines.${index}.productId`);
      return { sku: ordered.sku, quantity: line.quantity };
    });
    return orderDecider.decide({ type: 'RequestReturn', data: { orderId: data.orderId, lines, reason: data.reason, requestedAt: data.requestedAt } }, state);
  },
};

/**
 * After payment: the customer accepts or sends back their own order; admins move its shipment
 * (dispatched, delivered, returned). The order hears of the shipment through the processors.
 */
export function createFulfilmentCommands(context: CommandContext) {
  const now = () => context.clock().toISOString();

  async function onShipment(principal: Principal, shipmentId: string, command: ShipmentCommand): Promise<CommandAnswer> {
    requireAdmin(principal);
    const outcome = await handleCommand(context, { streamId: shipmentStreamId(shipmentId), decider: shipmentDecider, commands: [command], actor: principal.sub });
    return answerOf(context, shipmentId, shipmentStreamId(shipmentId), outcome);
  }

  return {
    async accept(principal: Principal, orderId: string): Promise<CommandAnswer> {
      const outcome = await handleCommand(context, {
        streamId: orderStreamId(orderId),
        decider: orderDecider,
        commands: [{ type: 'AcceptOrder', data: { orderId, acceptedAt: now() } }],
        authorize: ownOrderOnly(principal, orderId),
        actor: principal.sub,
      });
      return answerOf(context, orderId, orderStreamId(orderId), outcome);
    },

    async requestReturn(principal: Principal, orderId: string, lines: Array<{ productId: string; quantity: number }>, reason: string): Promise<CommandAnswer> {
      const outcome = await handleCommand(context, {
        streamId: orderStreamId(orderId),
        decider: returnProductsDecider,
        commands: [{ type: 'ReturnProducts', data: { orderId, lines, reason, requestedAt: now() } }],
        authorize: ownOrderOnly(principal, orderId),
        actor: principal.sub,
      });
      return answerOf(context, orderId, orderStreamId(orderId), outcome);
    },

    dispatch: (principal: Principal, shipmentId: string, carrier: string, trackingNumber: string) =>
      onShipment(principal, shipmentId, { type: 'DispatchShipment', data: { shipmentId, carrier, trackingNumber, dispatchedAt: now() } }),

    deliver: (principal: Principal, shipmentId: string) => onShipment(principal, shipmentId, { type: 'DeliverShipment', data: { shipmentId, deliveredAt: now() } }),

    returned: (principal: Principal, shipmentId: string, lines: ReturnedLine[]) =>
      onShipment(principal, shipmentId, { type: 'RecordReturn', data: { shipmentId, lines, receivedAt: now() } }),
  };
}

export type FulfilmentCommands = ReturnType<typeof createFulfilmentCommands>;
