import { UndecodableMessageError } from './port';
import { WIRE_HEADER_LENGTH, decodeWireFormat, encodeWireFormat, writeWireHeader } from './wire';

describe('Confluent wire format', () => {
  it('writes magic byte 0, the id big-endian, then the body', () => {
    const encoded = encodeWireFormat(0x01020304, Buffer.from([0xaa, 0xbb]));
    expect([...encoded]).toEqual([0, 1, 2, 3, 4, 0xaa, 0xbb]);
  });

  it('reads back what it wrote', () => {
    for (const schemaId of [0, 1, 255, 256, 65_537, 0x7fffffff]) {
      const body = Buffer.from(`body of ${schemaId}`);
      const decoded = decodeWireFormat(encodeWireFormat(schemaId, body));
      expect(decoded.schemaId).toBe(schemaId);
      expect(decoded.body.equals(body)).toBe(true);
    }
  });

  it('fills the header of a message whose body follows reserved bytes, as encodeWireFormat writes it', () => {
    const body = Buffer.from([0xaa, 0xbb, 0xcc]);
    const message = Buffer.alloc(WIRE_HEADER_LENGTH + body.length, 0xff);
    body.copy(message, WIRE_HEADER_LENGTH);
    expect(writeWireHeader(message, 0x01020304).equals(encodeWireFormat(0x01020304, body))).toBe(true);
  });

  it('refuses a header it cannot write', () => {
    expect(() => writeWireHeader(Buffer.alloc(4), 1)).toThrow(RangeError);
    expect(() => writeWireHeader(Buffer.alloc(5), -1)).toThrow(RangeError);
  });

  it('accepts an empty body (a record without fields)', () => {
    expect(decodeWireFormat(Buffer.from([0, 0, 0, 0, 7])).body.length).toBe(0);
  });

  it('refuses ids the format cannot carry', () => {
    for (const schemaId of [-1, 1.5, 0x80000000, Number.NaN]) {
      expect(() => encodeWireFormat(schemaId, Buffer.alloc(0))).toThrow(RangeError);
    }
  });

  it.each([
    ['an empty buffer', Buffer.alloc(0), /shorter than the 5-byte/],
    ['a truncated header', Buffer.from([0, 0, 0, 1]), /4 bytes is shorter/],
    ['a wrong magic byte', Buffer.from([1, 0, 0, 0, 1, 2]), /magic byte is 1/],
    ['JSON text', Buffer.from('{"productId":"p-1"}'), /magic byte is 123/],
    ['a negative id', Buffer.from([0, 0xff, 0xff, 0xff, 0xff, 2]), /negative schema id/],
    ['null (a tombstone)', null, /got null/],
    ['a string', 'hello', /got string/],
  ])('refuses %s with UndecodableMessageError', (_name, input, reason) => {
    expect(() => decodeWireFormat(input)).toThrow(UndecodableMessageError);
    expect(() => decodeWireFormat(input)).toThrow(reason);
  });
});
