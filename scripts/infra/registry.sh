#!/usr/bin/env bash
# The project's own Confluent-compatible schema registry (`ecommerce schema-registry`) on loopback.
# Its state is the compacted `_schemas` topic: on Kafka when KAFKA_BROKERS is set, otherwise on an
# embedded log file under its run dir, so a restart loses nothing either way.
# Usage: scripts/infra/registry.sh {start|stop|status}
# Env: SCHEMA_REGISTRY_PORT (8085; the command-api has 8081), SCHEMA_REGISTRY_HOST (127.0.0.1),
#      KAFKA_BROKERS, REGISTRY_START_TIMEOUT (60 s), ECOMMERCE_INFRA_DATA.
set -euo pipefail
INFRA_NAME=registry
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCHEMA_REGISTRY_PORT="${SCHEMA_REGISTRY_PORT:-8085}"
SCHEMA_REGISTRY_HOST="${SCHEMA_REGISTRY_HOST:-127.0.0.1}"
START_TIMEOUT="${REGISTRY_START_TIMEOUT:-60}"

RUN_DIR="$INFRA_DATA/registry"
PIDFILE="$RUN_DIR/registry.pid"
LOGFILE="$RUN_DIR/registry.log"
MARKER="schema-registry"

ready() {
  SCHEMA_REGISTRY_URL="http://127.0.0.1:$SCHEMA_REGISTRY_PORT" node_in_repo '
    fetch(process.env.SCHEMA_REGISTRY_URL + "/subjects", { signal: AbortSignal.timeout(1500) })
      .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));' >/dev/null 2>&1
}

start() {
  need_cmd node "install Node.js 20+"
  mkdir -p "$RUN_DIR/data"
  already_running "SCHEMA_REGISTRY_URL=http://127.0.0.1:$SCHEMA_REGISTRY_PORT" && return 0
  if port_open "$SCHEMA_REGISTRY_PORT"; then
    die "port $SCHEMA_REGISTRY_PORT is taken by another process; set SCHEMA_REGISTRY_PORT"
  fi
  local t0; t0="$(now_s)"
  rotate_log
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    log "storing schemas in _schemas on Kafka at $KAFKA_BROKERS"
  else
    log "storing schemas in _schemas on the embedded log in $RUN_DIR/data"
  fi
  # Settings reach the process as the environment its loadSettings reads; DATA_DIR only matters
  # for the embedded log, and KAFKA_BROKERS, when exported, is inherited.
  export DATA_DIR="$RUN_DIR/data" HOST="$SCHEMA_REGISTRY_HOST" SCHEMA_REGISTRY_PORT
  setsid node "$REPO_DIR/cli/bin/ecommerce" schema-registry </dev/null >>"$LOGFILE" 2>&1 &
  await_started "$!" "the schema registry" 10 "SCHEMA_REGISTRY_URL=http://127.0.0.1:$SCHEMA_REGISTRY_PORT" "$t0"
}

status() {
  local pid
  if pid="$(live_pid "$PIDFILE" "$MARKER")"; then
    echo "registry: running (pid $pid) on $SCHEMA_REGISTRY_HOST:$SCHEMA_REGISTRY_PORT"
  else
    echo "registry: stopped"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop_pid "$PIDFILE" "$MARKER" 15 ;;
  status) status ;;
  *) echo "usage: $0 {start|stop|status}" >&2; exit 2 ;;
esac
