import { avroSchemaOf, isEventType } from '@ecommerce/schemas';
import { eventsPerProduct, plannedAppends, productAppends } from './catalog-events';

describe('bench catalog events', () => {
  it('gives only payloads valid against their Avro schema, since the mirror encodes every one', () => {
    const events = productAppends(3, new Date().toISOString()).flatMap((append) => append.events);
    expect(events).toHaveLength(eventsPerProduct);
    for (const event of events) {
      if (!isEventType(event.type)) throw new Error(`unexpected type ${event.type}`);
      const issues: string[] = [];
      const valid = avroSchemaOf(event.type).type.isValid(event.data, { errorHook: (path) => issues.push(`${event.type}.${path.join('.')}`) });
      expect({ type: event.type, valid, issues }).toEqual({ type: event.type, valid: true, issues: [] });
    }
  });

  it('plans exactly the requested number of events, cutting the last product short', () => {
    const total = eventsPerProduct * 2 + 4;
    const appends = [...plannedAppends(total)];
    expect(appends.reduce((sum, append) => sum + append.events.length, 0)).toBe(total);
    expect(appends.filter((append) => append.events.some((event) => event.type === 'ProductCreated'))).toHaveLength(3);
    expect(new Set(appends.map((append) => append.streamId)).size).toBe(appends.length);
  });
});
