import { orderInboxTopic } from '../actors/messages';
import type { TimerSpec } from '../runtime/timer-service';

/** `OrderTimerScheduled { orderId, timerId, dueAt }` → `TimerFired` to the order's inbox when due. */
export const orderTimerSpec: TimerSpec = {
  eventType: 'OrderTimerScheduled',
  keyOf: (event) => String(event.data.orderId),
  dueAtOf: (event) => String(event.data.dueAt),
  timerIdOf: (event) => String(event.data.timerId),
  inboxTopic: orderInboxTopic,
};
