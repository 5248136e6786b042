#!/usr/bin/env bash
# Prints the settings the integration tests read, for: eval "$(scripts/infra/env.sh)"
# Honours the same port overrides as kafka.sh / ferretdb.sh / stripe-mock.sh. Warns (stderr) about a stopped server.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
echo "export KAFKA_BROKERS=127.0.0.1:${KAFKA_PORT:-9092}"
echo "export MONGO_URL=mongodb://127.0.0.1:${FERRETDB_PORT:-27017}"
echo "export SCHEMA_REGISTRY_URL=http://127.0.0.1:${SCHEMA_REGISTRY_PORT:-8085}"
echo "export STRIPE_MOCK_URL=http://127.0.0.1:${STRIPE_MOCK_PORT:-12111}"
echo "export REDIS_URL=redis://127.0.0.1:${REDIS_PORT:-6379}"
# MinIO's S3 endpoint and the test-only credentials it was started with.
"$here/minio.sh" env | sed 's/^/export /'
for s in kafka ferretdb registry stripe-mock redis minio; do
  "$here/$s.sh" status >/dev/null 2>&1 || echo "[infra:env] warning: $s is not running (scripts/infra/up.sh starts it)" >&2
done
