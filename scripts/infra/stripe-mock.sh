#!/usr/bin/env bash
# stripe-mock (Stripe's API answered from its OpenAPI spec and fixtures) on loopback, for the
# Stripe payment adapter's tests. Usage: scripts/infra/stripe-mock.sh {install|start|stop|status}
# Env: STRIPE_MOCK_PORT (12111, HTTP: what the tests use), STRIPE_MOCK_HTTPS_PORT (12112),
#      STRIPE_MOCK_VERSION, ECOMMERCE_INFRA_CACHE, ECOMMERCE_INFRA_DATA, STRIPE_MOCK_START_TIMEOUT (30 s).
set -euo pipefail
INFRA_NAME=stripe-mock
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# v0.203.0 is the newest version the Go module proxy here lists.
STRIPE_MOCK_VERSION="${STRIPE_MOCK_VERSION:-v0.203.0}"
STRIPE_MOCK_PORT="${STRIPE_MOCK_PORT:-12111}"
STRIPE_MOCK_HTTPS_PORT="${STRIPE_MOCK_HTTPS_PORT:-12112}"
START_TIMEOUT="${STRIPE_MOCK_START_TIMEOUT:-30}"

BIN_DIR="$INFRA_CACHE/stripe-mock-$STRIPE_MOCK_VERSION/bin"
BIN="$BIN_DIR/stripe-mock"
RUN_DIR="$INFRA_DATA/stripe-mock"
PIDFILE="$RUN_DIR/stripe-mock.pid"
LOGFILE="$RUN_DIR/stripe-mock.log"
MARKER="stripe-mock"

# Built like FerretDB: download the module, copy it, build the copy (not `go install ...@version`,
# which asks the proxy for the module's version list). The module zip keeps only
# vendor/modules.txt of its vendor tree, so the copy drops vendor/ and the build fetches the
# dependencies (pinned by its go.sum) from the proxy; the OpenAPI spec and fixtures are embedded.
# install [quiet]: quiet skips the "already installed" line (start calls it every time).
install() {
  if [[ -x "$BIN" ]]; then
    [[ "${1:-}" == quiet ]] || log "installed: $BIN"
    return 0
  fi
  need_cmd go "install Go; stripe-mock is built from source"
  local t0 json dir src
  t0="$(now_s)"
  log "building stripe-mock $STRIPE_MOCK_VERSION from the Go module proxy"
  json="$(cd /tmp && go_env go mod download -json "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION")" ||
    die "go mod download of stripe-mock $STRIPE_MOCK_VERSION failed: $json"
  dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$json")"
  [[ -d "$dir" ]] || die "go mod download gave no module directory: $json"
  src="$INFRA_CACHE/stripe-mock-$STRIPE_MOCK_VERSION/src"
  rm -rf "$src"
  mkdir -p "$(dirname "$src")" "$BIN_DIR"
  cp -R "$dir" "$src"
  chmod -R u+w "$src"
  rm -rf "$src/vendor"
  (cd "$src" && go_env go build -mod=mod -trimpath \
    -ldflags "-X main.version=$STRIPE_MOCK_VERSION" -o "$BIN.tmp" .) ||
    die "go build of stripe-mock $STRIPE_MOCK_VERSION failed (see output above)"
  mv "$BIN.tmp" "$BIN"
  rm -rf "$src"
  log "installed $("$BIN" -version 2>/dev/null | head -1) at $BIN in $(elapsed "$t0")"
}

# Any answer from the API (stripe-mock says 401 without a key) means it serves.
ready() {
  port_open "$STRIPE_MOCK_PORT" || return 1
  curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$STRIPE_MOCK_PORT/v1/customers" \
    -H 'Authorization: Bearer sk_test_123'
}

start() {
  install quiet
  mkdir -p "$RUN_DIR"
  local line="STRIPE_MOCK_URL=http://127.0.0.1:$STRIPE_MOCK_PORT"
  already_running "$line" && return 0
  local port
  for port in "$STRIPE_MOCK_PORT" "$STRIPE_MOCK_HTTPS_PORT"; do
    if port_open "$port"; then
      die "port $port is taken by another process; set STRIPE_MOCK_PORT / STRIPE_MOCK_HTTPS_PORT"
    fi
  done
  need_cmd curl "the readiness check uses it"
  local t0; t0="$(now_s)"
  rotate_log
  # Both listeners named explicitly: with only -http-addr, stripe-mock would also open HTTPS
  # on :12112 on every interface. The tests use the HTTP one.
  setsid "$BIN" \
    -http-addr "127.0.0.1:$STRIPE_MOCK_PORT" \
    -https-addr "127.0.0.1:$STRIPE_MOCK_HTTPS_PORT" \
    </dev/null >>"$LOGFILE" 2>&1 &
  await_started "$!" "stripe-mock" 5 "$line" "$t0"
}

status() {
  local pid
  if pid="$(live_pid "$PIDFILE" "$MARKER")"; then
    echo "stripe-mock: running (pid $pid) on http://127.0.0.1:$STRIPE_MOCK_PORT"
  else
    echo "stripe-mock: stopped"
    return 3
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_pid "$PIDFILE" "$MARKER" 5 ;;
  status) status ;;
  *) echo "usage: $0 {install|start|stop|status}" >&2; exit 2 ;;
esac
