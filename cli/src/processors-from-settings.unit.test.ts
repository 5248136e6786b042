import { notificationBatchWindowOf } from './processors-from-settings';

describe('the processors as the settings configure them', () => {
  it('gives the notification inbox a 300 ms batch window on Kafka and none on the embedded log', () => {
    expect(notificationBatchWindowOf({ KAFKA_BROKERS: ['127.0.0.1:9092'] })).toBe(300);
    expect(notificationBatchWindowOf({ KAFKA_BROKERS: undefined })).toBe(0);
  });
});
