/** The pure domain: deciders per bounded context, their commands, events and states. */
export * from './shared';
export * from './catalog';
export * from './inventory';
export * from './ordering';
export * from './cart';
export * from './identity';
export * from './payments';
export * from './shipping';
export * from './notifications';
