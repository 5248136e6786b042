export * from './event-message';
