import { AppError, PreconditionFailedError, aggregateStream, eventIdNamespace, timeOrderedId, uuidV5 } from '@ecommerce/platform';
import type { Principal } from '@ecommerce/platform';
import { cartDecider, cartStreamId, orderDecider, orderStreamId, shipmentDecider, shipmentIdOf, shipmentStreamId } from '@ecommerce/domain';
import type { PostalAddress } from '@ecommerce/schemas';
import { handleCommand } from '../handle-command';
import type { CommandContext } from '../handle-command';
import { answerOf } from '../command-answer';
import type { CommandAnswer } from '../command-answer';
import { setCartItemDecider } from './set-cart-item';
import { snapshotLines } from './snapshot-lines';
import type { RequestedLine } from './snapshot-lines';
import { ownOrderOnly } from '../lifecycle/authorization';
import { resolveShippingAddress } from '../lifecycle/shipping-address';
import type { ShippingChoice } from '../lifecycle/shipping-address';

/** A checkout answers for the order it placed and for the cart it emptied. */
export interface CheckoutAnswer extends CommandAnswer {
  cart: CommandAnswer;
}


/**
 * Cart and order placement for the signed-in customer (admins act on their own account only).
 * Checkout and direct placement share `place`: prices and names are snapshotted from the
 * product streams, the decider checks the lines and computes the total.
 */
export function createOrderingCommands(context: CommandContext) {
  async function place(principal: Principal, requested: readonly RequestedLine[], fieldOf: (index: number) => string, orderId: string, shippingAddress: PostalAddress | null, newStream = false): Promise<CommandAnswer> {
    const lines = await snapshotLines(context.eventStore, requested, fieldOf);
    const outcome = await handleCommand(context, {
      streamId: orderStreamId(orderId),
      decider: orderDecider,
      commands: [{ type: 'PlaceOrder', data: { orderId, customerId: principal.sub, lines, placedAt: context.clock().toISOString(), shippingAddress } }],
      actor: principal.sub,
      newStream,
    });
    return answerOf(context, orderId, orderStreamId(orderId), outcome);
  }

  return {
    async setCartItem(principal: Principal, productId: string, quantity: number): Promise<CommandAnswer> {
      // only what can be bought goes in: a missing product is a 404, a discontinued one a 409
      if (quantity > 0) await snapshotLines(context.eventStore, [{ productId, quantity }], () => 'productId', 'not_found');
      const outcome = await handleCommand(context, {
        streamId: cartStreamId(principal.sub),
        decider: setCartItemDecider,
        commands: [{ type: 'SetCartItem', data: { customerId: principal.sub, productId, quantity } }],
        actor: principal.sub,
      });
      return answerOf(context, principal.sub, cartStreamId(principal.sub), outcome);
    },

    async removeCartItem(principal: Principal, productId: string): Promise<CommandAnswer> {
      const outcome = await handleCommand(context, {
        streamId: cartStreamId(principal.sub),
        decider: cartDecider,
        commands: [{ type: 'RemoveItem', data: { customerId: principal.sub, productId } }],
        actor: principal.sub,
      });
      return answerOf(context, principal.sub, cartStreamId(principal.sub), outcome);
    },

    /** Under a new time-ordered id unless given one (a given one's stream is read: it may hold an order already). */
    async placeOrder(principal: Principal, lines: readonly RequestedLine[], shipping: ShippingChoice = {}, orderId?: string): Promise<CommandAnswer> {
      const shippingAddress = await resolveShippingAddress(context, principal, shipping);
      return place(principal, lines, (index) => `lines.${index}.productId`, orderId ?? timeOrderedId(), shippingAddress, orderId === undefined);
    },

    /**
     * OrderPlaced first, then CartCheckedOut pinned to the cart as it was read: should the
     * customer change the cart in between, the order stands with what they checked out and
     * the cart keeps its lines rather than losing the change. The order id comes from the cart
     * revision, so a checkout interrupted between the two writes is finished by the next one
     * (the same cart gives the same order, placed once) instead of leaving a full cart behind.
     */
    async checkout(principal: Principal, shipping: ShippingChoice = {}): Promise<CheckoutAnswer> {
      const shippingAddress = await resolveShippingAddress(context, principal, shipping);
      const streamId = cartStreamId(principal.sub);
      const { state: cart, revision: cartRevision } = await aggregateStream(context.eventStore, streamId, cartDecider);
      const orderId = uuidV5(`checkout:${principal.sub}@${cartRevision}`, eventIdNamespace);
      const checkOut = { type: 'CheckOut' as const, data: { customerId: principal.sub, orderId } };
      // refuses an empty cart before anything is read or written
      cartDecider.decide(checkOut, cart);
      const [placedBefore] = await context.eventStore.readStream(orderStreamId(orderId), { maxCount: 1 });
      const order = placedBefore
        ? { id: orderId, stream: orderStreamId(orderId), revision: placedBefore.revision, position: placedBefore.position }
        : await place(principal, cart.lines, (index) => `cart.items.${index}.productId`, orderId, shippingAddress);
      try {
        const outcome = await handleCommand(context, { streamId, decider: cartDecider, commands: [checkOut], expectedRevision: cartRevision, actor: principal.sub });
        return { ...order, cart: await answerOf(context, principal.sub, streamId, outcome) };
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
        return { ...order, cart: { id: principal.sub, stream: streamId, revision: cartRevision, position: order.position } };
      }
    },

    /**
     * A paid order has a shipment: it is cancelled first, so that a parcel already handed to a
     * carrier (dispatched, the order not yet told) refuses the cancellation with a 409 instead of
     * refunding goods on their way. A shipment not opened yet is the router's to cancel, after it opens.
     */
    async cancelOrder(principal: Principal, orderId: string, reason: string | undefined): Promise<CommandAnswer> {
      const { state: order } = await aggregateStream(context.eventStore, orderStreamId(orderId), orderDecider);
      ownOrderOnly(principal, orderId)(order);
      if (order.status === 'paid') {
        const shipmentId = shipmentIdOf(orderId);
        const { state: shipment } = await aggregateStream(context.eventStore, shipmentStreamId(shipmentId), shipmentDecider);
        if (shipment.status !== 'absent' && shipment.status !== 'open' && shipment.status !== 'cancelled') {
          throw new AppError('conflict', `a paid order whose shipment is ${shipment.status} cannot be cancelled`);
        }
        if (shipment.status !== 'absent') {
          await handleCommand(context, {
            streamId: shipmentStreamId(shipmentId),
            decider: shipmentDecider,
            commands: [{ type: 'CancelShipment', data: { shipmentId, cancelledAt: context.clock().toISOString() } }],
            actor: principal.sub,
          });
        }
      }
      const outcome = await handleCommand(context, {
        streamId: orderStreamId(orderId),
        decider: orderDecider,
        commands: [{ type: 'CancelOrder', data: { orderId, reason: reason ?? null } }],
        authorize: ownOrderOnly(principal, orderId),
        actor: principal.sub,
      });
      return answerOf(context, orderId, orderStreamId(orderId), outcome);
    },
  };
}

export type OrderingCommands = ReturnType<typeof createOrderingCommands>;
