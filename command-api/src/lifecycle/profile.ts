import { timeOrderedId } from '@ecommerce/platform';
import type { Principal } from '@ecommerce/platform';
import { DomainError, notificationStreamId, notificationsDecider, savedAddressOf, userDecider, userStreamId } from '@ecommerce/domain';
import type { UserCommand, UserEvent, UserState } from '@ecommerce/domain';
import type { PostalAddress, PostalAddressInput } from '@ecommerce/schemas';
import type { CommandAnswer } from '../command-answer';
import { handleCommand } from '../handle-command';
import type { CommandContext, DeciderLike } from '../handle-command';
import { answerOf } from '../command-answer';
import { toPostalAddress } from './shipping-address';

/** A PATCH gives some fields: they replace the saved ones, as the address stands when the change is decided. */
interface PatchAddress {
  type: 'PatchAddress';
  data: { userId: string; addressId: string; changes: Partial<PostalAddressInput> };
}

const patchAddressDecider: DeciderLike<PatchAddress, UserEvent, UserState> = {
  initialState: userDecider.initialState,
  evolve: userDecider.evolve,
  decide: ({ data }, state) => {
    const saved = state.status === 'absent' ? undefined : savedAddressOf(state, data.addressId);
    if (!saved) throw DomainError.notFound('no saved address has this id', 'addressId');
    const address: PostalAddress = { ...saved.address };
    for (const [key, value] of Object.entries(data.changes) as Array<[keyof PostalAddress, string | null | undefined]>) {
      if (value !== undefined) Object.assign(address, { [key]: value });
    }
    return userDecider.decide({ type: 'UpdateAddress', data: { userId: data.userId, addressId: data.addressId, address } }, state);
  },
};

/** The caller's own profile (saved addresses, notification preferences) and inbox: every stream here is the caller's. */
export function createProfileCommands(context: CommandContext) {
  async function onUser(principal: Principal, command: UserCommand, id = principal.sub): Promise<CommandAnswer> {
    const outcome = await handleCommand(context, { streamId: userStreamId(principal.sub), decider: userDecider, commands: [command], actor: principal.sub });
    return answerOf(context, id, userStreamId(principal.sub), outcome);
  }

  return {
    addAddress: (principal: Principal, address: PostalAddressInput) => {
      const addressId = timeOrderedId();
      return onUser(principal, { type: 'AddAddress', data: { userId: principal.sub, addressId, address: toPostalAddress(address) } }, addressId);
    },

    async updateAddress(principal: Principal, addressId: string, changes: Partial<PostalAddressInput>): Promise<CommandAnswer> {
      const outcome = await handleCommand(context, {
        streamId: userStreamId(principal.sub),
        decider: patchAddressDecider,
        commands: [{ type: 'PatchAddress', data: { userId: principal.sub, addressId, changes } }],
        actor: principal.sub,
      });
      return answerOf(context, addressId, userStreamId(principal.sub), outcome);
    },

    removeAddress: (principal: Principal, addressId: string) => onUser(principal, { type: 'RemoveAddress', data: { userId: principal.sub, addressId } }, addressId),

    setNotificationPreferences: (principal: Principal, preferences: { email: boolean; sms: boolean; phoneNumber?: string | null }) =>
      onUser(principal, { type: 'SetNotificationPreferences', data: { userId: principal.sub, email: preferences.email, sms: preferences.sms, phoneNumber: preferences.phoneNumber ?? null } }),

    /** Only the caller's own inbox is looked in: another user's message is not found there (404). */
    async markNotificationRead(principal: Principal, notificationId: string): Promise<CommandAnswer> {
      const streamId = notificationStreamId(principal.sub);
      const outcome = await handleCommand(context, {
        streamId,
        decider: notificationsDecider,
        commands: [{ type: 'MarkNotificationRead', data: { userId: principal.sub, notificationId, readAt: context.clock().toISOString() } }],
        actor: principal.sub,
      });
      return answerOf(context, notificationId, streamId, outcome);
    },
  };
}

export type ProfileCommands = ReturnType<typeof createProfileCommands>;
