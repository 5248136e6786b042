#!/usr/bin/env python3
"""Decode Confluent wire-format messages with an Avro implementation that is not ours.

Each message is: magic byte 0, a 4-byte big-endian schema id, then the Avro binary body.
The writer schema is fetched by id from the schema registry at SCHEMA_REGISTRY_URL
(GET /schemas/ids/{id}), and the body is decoded with fastavro.schemaless_reader.

Input (a file path, or - for stdin):
  --format jsonl            one message per line: a JSON object with a base64 "value"
                            (other fields, e.g. "topic", are echoed back), or a bare base64 string
  --format length-prefixed  a 4-byte big-endian length before each raw message

Output: one JSON line per message: {"schemaId", "recordName", "data", ...echoed fields}.
Exits 1 with a message naming the message index if any message cannot be decoded.
"""
import argparse
import base64
import io
import json
import os
import struct
import sys
import urllib.request

import fastavro

MAGIC_BYTE = 0
HEADER_LENGTH = 5


class SchemaCache:
    def __init__(self, registry_url):
        self.registry_url = registry_url.rstrip("/")
        self.schemas = {}

    def get(self, schema_id):
        if schema_id not in self.schemas:
            url = f"{self.registry_url}/schemas/ids/{schema_id}"
            request = urllib.request.Request(url, headers={"Accept": "application/vnd.schemaregistry.v1+json"})
            with urllib.request.urlopen(request, timeout=10) as response:
                schema_text = json.loads(response.read().decode("utf-8"))["schema"]
            self.schemas[schema_id] = fastavro.parse_schema(json.loads(schema_text))
        return self.schemas[schema_id]


def to_json_value(value):
    """Avro bytes/fixed have no JSON form: base64, as the encoder's test writes them."""
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dict):
        return {key: to_json_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_json_value(item) for item in value]
    return value


def decode(message, schemas):
    if len(message) < HEADER_LENGTH or message[0] != MAGIC_BYTE:
        raise ValueError("not in the Confluent wire format (magic byte 0 and a 4-byte schema id)")
    schema_id = struct.unpack(">I", message[1:HEADER_LENGTH])[0]
    schema = schemas.get(schema_id)
    body = io.BytesIO(message[HEADER_LENGTH:])
    data = fastavro.schemaless_reader(body, schema)
    left = len(message) - HEADER_LENGTH - body.tell()
    if left != 0:
        raise ValueError(f"{left} bytes left after the record: the body does not match schema {schema_id}")
    return {"schemaId": schema_id, "recordName": schema.get("name"), "data": to_json_value(data)}


def read_jsonl(stream):
    for line in stream.read().decode("utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            entry = json.loads(line)
            extra = {key: value for key, value in entry.items() if key != "value"}
            yield base64.b64decode(entry["value"]), extra
        else:
            yield base64.b64decode(line), {}


def read_length_prefixed(stream):
    content = stream.read()
    offset = 0
    while offset < len(content):
        if offset + 4 > len(content):
            raise ValueError("truncated length prefix")
        (length,) = struct.unpack(">I", content[offset:offset + 4])
        offset += 4
        if offset + length > len(content):
            raise ValueError("truncated message")
        yield content[offset:offset + length], {}
        offset += length


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="file of messages, or - for stdin")
    parser.add_argument("--format", choices=["jsonl", "length-prefixed"], default="jsonl")
    parser.add_argument("--registry-url", default=os.environ.get("SCHEMA_REGISTRY_URL"))
    args = parser.parse_args()
    if not args.registry_url:
        parser.error("set SCHEMA_REGISTRY_URL or pass --registry-url")

    schemas = SchemaCache(args.registry_url)
    stream = sys.stdin.buffer if args.input == "-" else open(args.input, "rb")
    reader = read_jsonl if args.format == "jsonl" else read_length_prefixed
    with stream:
        for index, (message, extra) in enumerate(reader(stream)):
            try:
                decoded = decode(message, schemas)
            except Exception as error:  # noqa: BLE001 - reported with the message's index
                print(f"decode_confluent: message {index}: {error}", file=sys.stderr)
                return 1
            print(json.dumps({**extra, **decoded}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
