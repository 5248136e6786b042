#!/usr/bin/env bash
# MinIO (an S3-compatible object store) on loopback, for the S3 image-store adapter's tests.
# Usage: scripts/infra/minio.sh {install|start|stop|status}
# Env: MINIO_PORT (9000, the S3 API), MINIO_CONSOLE_PORT (9001), MINIO_VERSION,
#      ECOMMERCE_INFRA_CACHE, ECOMMERCE_INFRA_DATA, MINIO_START_TIMEOUT (60 s).
# The root credentials below are test-only: this server listens on loopback and holds test data.
set -euo pipefail
INFRA_NAME=minio
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# MinIO tags its releases RELEASE.<date>, which Go modules cannot name, so the module proxy
# serves commits as pseudo-versions; this one is what `@latest` resolved to here.
MINIO_VERSION="${MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}"
MINIO_PORT="${MINIO_PORT:-9000}"
MINIO_CONSOLE_PORT="${MINIO_CONSOLE_PORT:-9001}"
START_TIMEOUT="${MINIO_START_TIMEOUT:-60}"
MINIO_TEST_USER=ecommerce-test
MINIO_TEST_PASSWORD=ecommerce-test-secret

BIN_DIR="$INFRA_CACHE/minio-$MINIO_VERSION/bin"
BIN="$BIN_DIR/minio"
RUN_DIR="$INFRA_DATA/minio"
PIDFILE="$RUN_DIR/minio.pid"
LOGFILE="$RUN_DIR/minio.log"
MARKER="minio server"

env_lines() {
  echo "S3_ENDPOINT=http://127.0.0.1:$MINIO_PORT"
  echo "S3_ACCESS_KEY_ID=$MINIO_TEST_USER"
  echo "S3_SECRET_ACCESS_KEY=$MINIO_TEST_PASSWORD"
}

# Built like FerretDB and stripe-mock: download the module, build a copy (not `go install`, which
# asks the proxy for the module's version list). Its dependencies come from the proxy, pinned by
# its go.sum. install [quiet]: quiet skips the "already installed" line (start calls it every time).
install() {
  if [[ -x "$BIN" ]]; then
    [[ "${1:-}" == quiet ]] || log "installed: $BIN"
    return 0
  fi
  need_cmd go "install Go; MinIO is built from source"
  local t0 json dir src
  t0="$(now_s)"
  log "building MinIO $MINIO_VERSION from the Go module proxy (first time takes several minutes)"
  json="$(cd /tmp && go_env go mod download -json "github.com/minio/minio@$MINIO_VERSION")" ||
    die "go mod download of MinIO $MINIO_VERSION failed: $json"
  dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$json")"
  [[ -d "$dir" ]] || die "go mod download gave no module directory: $json"
  src="$INFRA_CACHE/minio-$MINIO_VERSION/src"
  rm -rf "$src"
  mkdir -p "$(dirname "$src")" "$BIN_DIR"
  cp -R "$dir" "$src"
  chmod -R u+w "$src"
  (cd "$src" && go_env go build -mod=mod -trimpath -o "$BIN.tmp" .) ||
    die "go build of MinIO $MINIO_VERSION failed (see output above)"
  mv "$BIN.tmp" "$BIN"
  rm -rf "$src"
  log "installed MinIO $MINIO_VERSION at $BIN in $(elapsed "$t0")"
}

ready() {
  port_open "$MINIO_PORT" || return 1
  curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$MINIO_PORT/minio/health/ready"
}

start() {
  install quiet
  mkdir -p "$RUN_DIR/data"
  local line
  line="$(env_lines)"
  already_running "$line" && return 0
  local port
  for port in "$MINIO_PORT" "$MINIO_CONSOLE_PORT"; do
    if port_open "$port"; then
      die "port $port is taken by another process; set MINIO_PORT / MINIO_CONSOLE_PORT"
    fi
  done
  need_cmd curl "the readiness check uses it"
  local t0; t0="$(now_s)"
  rotate_log
  # Both listeners on loopback; no update checks, no console, no anonymous telemetry.
  MINIO_ROOT_USER="$MINIO_TEST_USER" MINIO_ROOT_PASSWORD="$MINIO_TEST_PASSWORD" \
    MINIO_BROWSER=off MINIO_UPDATE=off MINIO_CALLHOME_ENABLE=off \
    setsid "$BIN" server \
    --address "127.0.0.1:$MINIO_PORT" \
    --console-address "127.0.0.1:$MINIO_CONSOLE_PORT" \
    --quiet \
    "$RUN_DIR/data" \
    </dev/null >>"$LOGFILE" 2>&1 &
  await_started "$!" "MinIO" 10 "$line" "$t0"
}

status() {
  local pid
  if pid="$(live_pid "$PIDFILE" "$MARKER")"; then
    echo "minio: running (pid $pid) on http://127.0.0.1:$MINIO_PORT"
  else
    echo "minio: stopped"
    return 3
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_pid "$PIDFILE" "$MARKER" 10 ;;
  status) status ;;
  env) env_lines ;;
  *) echo "usage: $0 {install|start|stop|status|env}" >&2; exit 2 ;;
esac
