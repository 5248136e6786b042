import { deterministicEventId, eventIdNamespace, timeOrderedId, uuidV5 } from './ids';

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

describe('deterministicEventId', () => {
  const version = (id: string) => id.charAt(14);
  const timeOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

  it('is the version 5 UUID of "<cause>:<index>" when the cause carries no time', () => {
    expect(deterministicEventId('timer:t-1', 0)).toBe(uuidV5('timer:t-1:0', eventIdNamespace));
    // A version 4 UUID is random throughout: nothing in it is a time.
    const random = '0b6f3c2e-4b7a-4d2e-9a51-0c6b3f9e8d10';
    expect(deterministicEventId(random, 2)).toBe(uuidV5(`${random}:2`, eventIdNamespace));
  });

  it("keeps a time-prefixed cause's milliseconds and takes the rest from the name's hash (version 8)", () => {
    const at = Date.UTC(2026, 11, 6, 15, 30, 0, 456);
    const cause = timeOrderedId(at);
    const id = deterministicEventId(cause, 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timeOf(id)).toBe(at);
    // The last 74 bits are the v5 id's hash bits for the same name: the same cause, the same id.
    expect(id.slice(15)).toBe(uuidV5(`${cause}:0`, eventIdNamespace).slice(15));
    expect(deterministicEventId(cause, 0)).toBe(id);
    expect(deterministicEventId(cause, 1)).not.toBe(id);
    expect(timeOf(deterministicEventId(cause.toUpperCase(), 0))).toBe(at);
  });

  it('dates a chain of causes (event → routed message → actor event) as its first, so their ids sort by it', () => {
    const times = [Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 6), Date.UTC(2026, 11, 6) + 1, 2 ** 48 - 1];
    const chains = times.map((at) => {
      const placed = timeOrderedId(at);
      const routed = deterministicEventId(placed, 0);
      const reserved = deterministicEventId(routed, 0);
      return { at, ids: [routed, reserved] };
    });
    for (const { at, ids } of chains) for (const id of ids) expect([version(id), timeOf(id)]).toEqual(['8', at]);
    const reservedIds = chains.map((chain) => chain.ids[1] as string);
    expect([...reservedIds].sort()).toEqual(reservedIds);
  });
});

describe('timeOrderedId', () => {
  const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is an RFC 9562 version 7 UUID whose first 48 bits are the milliseconds it was made at', () => {
    const at = Date.UTC(2026, 11, 5, 11, 30, 0, 123);
    const id = timeOrderedId(at);
    expect(id).toMatch(uuidPattern);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts as text in the order of the milliseconds it was made at', () => {
    const times = [1, 255, 256, 65_536, Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 5), 2 ** 48 - 1];
    const ids = times.map((at) => timeOrderedId(at));
    expect([...ids].sort()).toEqual(ids);
  });

  it('differs within one millisecond, past many refills of its random bytes, with 74 random bits each', () => {
    const at = Date.now();
    const ids = Array.from({ length: 5000 }, () => timeOrderedId(at));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(uuidPattern);
    // Every random bit varies across the ids: none is stuck (the version and variant bits are fixed by design).
    const randomBits = (id: string) => BigInt(`0x${id.replace(/-/g, '')}`) & ((1n << 80n) - 1n) & ~(0xfn << 76n) & ~(0x3n << 62n);
    const ones = ids.reduce((acc, id) => acc | randomBits(id), 0n);
    const zeros = ids.reduce((acc, id) => acc | (~randomBits(id) & ((1n << 80n) - 1n) & ~(0xfn << 76n) & ~(0x3n << 62n)), 0n);
    expect(ones.toString(2).replace(/0/g, '').length).toBe(74);
    expect(zeros.toString(2).replace(/0/g, '').length).toBe(74);
  });
});
