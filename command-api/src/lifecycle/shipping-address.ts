import { AppError, aggregateStream } from '@ecommerce/platform';
import type { Principal } from '@ecommerce/platform';
import { savedAddressOf, userDecider, userStreamId } from '@ecommerce/domain';
import type { PostalAddress, PostalAddressInput } from '@ecommerce/schemas';
import type { CommandContext } from '../handle-command';

export interface ShippingChoice {
  shippingAddress?: PostalAddressInput;
  shippingAddressId?: string;
}

/** The request's address in the events' shape: what was left out is null. */
export const toPostalAddress = (input: PostalAddressInput): PostalAddress => ({
  recipient: input.recipient,
  line1: input.line1,
  line2: input.line2 ?? null,
  city: input.city,
  region: input.region ?? null,
  postalCode: input.postalCode,
  country: input.country,
});

/**
 * Where an order ships: the address given, or a copy of the caller's saved address (the order
 * keeps it as it was then; later edits of the saved address do not move a parcel). An id that
 * is not one of the caller's saved addresses is bad input naming the field; none given is null.
 */
export async function resolveShippingAddress(context: CommandContext, principal: Principal, choice: ShippingChoice): Promise<PostalAddress | null> {
  if (choice.shippingAddress) return toPostalAddress(choice.shippingAddress);
  if (choice.shippingAddressId === undefined) return null;
  const { state: user } = await aggregateStream(context.eventStore, userStreamId(principal.sub), userDecider);
  const saved = user.status === 'absent' ? undefined : savedAddressOf(user, choice.shippingAddressId);
  if (!saved) {
    throw new AppError('validation', `no saved address ${choice.shippingAddressId}`, { issues: [{ field: 'shippingAddressId', message: 'is not one of your saved addresses' }] });
  }
  return { ...saved.address };
}
