#!/usr/bin/env bash
# Installs (cached) and starts Kafka, FerretDB, the schema registry, stripe-mock, Redis and MinIO on loopback,
# then prints the settings to export.
# Usage: scripts/infra/up.sh            then: eval "$(scripts/infra/env.sh)"
set -euo pipefail
INFRA_NAME=up
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

t0="$(now_s)"
# Installs run side by side: the Go build is CPU-bound, the Maven fetch network-bound.
"$INFRA_DIR/kafka.sh" install & kafka_install=$!
"$INFRA_DIR/ferretdb.sh" install & ferret_install=$!
"$INFRA_DIR/stripe-mock.sh" install & stripe_mock_install=$!
"$INFRA_DIR/redis.sh" install & redis_install=$!
"$INFRA_DIR/minio.sh" install & minio_install=$!
failed=0
wait "$kafka_install" || { log "kafka install failed"; failed=1; }
wait "$ferret_install" || { log "ferretdb install failed"; failed=1; }
wait "$stripe_mock_install" || { log "stripe-mock install failed"; failed=1; }
wait "$redis_install" || { log "redis install failed"; failed=1; }
wait "$minio_install" || { log "minio install failed"; failed=1; }
((failed == 0)) || die "install failed, nothing started"

"$INFRA_DIR/kafka.sh" start >/dev/null
if ! "$INFRA_DIR/ferretdb.sh" start >/dev/null; then
  "$INFRA_DIR/kafka.sh" stop || true
  die "ferretdb did not start; kafka stopped again"
fi
# The registry keeps its state in Kafka's _schemas topic, so it starts after Kafka.
if ! KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}" "$INFRA_DIR/registry.sh" start >/dev/null; then
  "$INFRA_DIR/ferretdb.sh" stop || true
  "$INFRA_DIR/kafka.sh" stop || true
  die "the schema registry did not start; the others stopped again"
fi
if ! "$INFRA_DIR/stripe-mock.sh" start >/dev/null; then
  "$INFRA_DIR/registry.sh" stop || true
  "$INFRA_DIR/ferretdb.sh" stop || true
  "$INFRA_DIR/kafka.sh" stop || true
  die "stripe-mock did not start; the others stopped again"
fi
if ! "$INFRA_DIR/redis.sh" start >/dev/null; then
  "$INFRA_DIR/stripe-mock.sh" stop || true
  "$INFRA_DIR/registry.sh" stop || true
  "$INFRA_DIR/ferretdb.sh" stop || true
  "$INFRA_DIR/kafka.sh" stop || true
  die "redis did not start; the others stopped again"
fi
if ! "$INFRA_DIR/minio.sh" start >/dev/null; then
  "$INFRA_DIR/redis.sh" stop || true
  "$INFRA_DIR/stripe-mock.sh" stop || true
  "$INFRA_DIR/registry.sh" stop || true
  "$INFRA_DIR/ferretdb.sh" stop || true
  "$INFRA_DIR/kafka.sh" stop || true
  die "minio did not start; the others stopped again"
fi
log "all up in $(elapsed "$t0"); stop with scripts/infra/down.sh"
"$INFRA_DIR/env.sh"
