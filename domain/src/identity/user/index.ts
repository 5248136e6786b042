import type { Decider } from '../../shared';
import type { UserCommand } from './commands';
import { decideUser } from './decide';
import type { UserEvent } from './events';
import type { UserState } from './state';
import { evolveUser, initialUserState } from './state';

export type {
  AddAddress,
  ChangePassword,
  ChangeRole,
  DisableUser,
  EnableUser,
  RegisterUser,
  RemoveAddress,
  SetNotificationPreferences,
  UpdateAddress,
  UpdateProfile,
  UserCommand,
} from './commands';
export type { UserEvent, UserEventType } from './events';
export { userEventTypes, userStreamId } from './events';
export type { NotificationPreferences, SavedAddress, User, UserState } from './state';
export { defaultNotificationPreferences, savedAddressOf } from './state';

/** One account per stream `user-<userId>`: profile, saved addresses, notification preferences, role, status and the credentials version sessions check. */
export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: initialUserState,
  evolve: evolveUser,
  decide: decideUser,
};
