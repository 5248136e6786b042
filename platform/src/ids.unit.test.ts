import { deterministicEventId, uuidV5 } from './ids';

describe('uuidV5', () => {
  it('matches the RFC 4122 example for the DNS namespace', () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com'))"
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('hashes a name as UTF-8, and refuses a namespace that is not a UUID each time it is given', () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, 'café-ü:0'))"
    expect(uuidV5('café-ü:0', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('3b744d3a-2d13-5f11-ab58-a546ca0875f5');
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow('namespace must be a UUID');
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow('namespace must be a UUID');
  });

  it('derives the same event id from the same cause and a different one per index', () => {
    expect(deterministicEventId('msg-1', 0)).toBe(deterministicEventId('msg-1', 0));
    expect(deterministicEventId('msg-1', 0)).not.toBe(deterministicEventId('msg-1', 1));
  });
});
