#!/usr/bin/env bash
# Redis (Debian's redis-server) on loopback: the shared store of the rate limits and the login
# throttle when several gateways / command APIs run side by side (REDIS_URL).
# Usage: scripts/infra/redis.sh {install|start|stop|status}
# Env: REDIS_PORT (6379), REDIS_START_TIMEOUT (20 s), ECOMMERCE_INFRA_DATA.
set -euo pipefail
INFRA_NAME=redis
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REDIS_PORT="${REDIS_PORT:-6379}"
START_TIMEOUT="${REDIS_START_TIMEOUT:-20}"

RUN_DIR="$INFRA_DATA/redis-$REDIS_PORT"
PIDFILE="$RUN_DIR/redis.pid"
LOGFILE="$RUN_DIR/redis.log"
MARKER="redis-server"

# install [quiet]: Debian's package; idempotent (skips apt when redis-server is already on PATH).
install() {
  if command -v redis-server >/dev/null 2>&1; then
    [[ "${1:-}" == quiet ]] || log "installed: $(command -v redis-server)"
    return 0
  fi
  need_cmd apt-get "redis-server comes from Debian's packages"
  local t0; t0="$(now_s)"
  log "installing redis-server with apt-get"
  # A lock held by another apt run is waited for rather than failed on.
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 update -qq >&2 ||
    die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends redis-server >&2 ||
    die "apt-get install redis-server failed"
  log "installed $(redis-server --version | head -1) in $(elapsed "$t0")"
}

ready() {
  port_open "$REDIS_PORT" || return 1
  [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
}

start() {
  install quiet
  mkdir -p "$RUN_DIR"
  local line="REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
  already_running "$line" && return 0
  if port_open "$REDIS_PORT"; then
    die "port $REDIS_PORT is taken by another process; set REDIS_PORT"
  fi
  local t0; t0="$(now_s)"
  rotate_log
  # Counters only: no persistence (a restart forgets the windows, which is harmless), loopback only.
  # setsid: its own session, so the caller's job control cannot kill it by accident.
  setsid redis-server \
    --bind 127.0.0.1 \
    --port "$REDIS_PORT" \
    --dir "$RUN_DIR" \
    --save '' \
    --appendonly no \
    --daemonize no \
    --protected-mode yes \
    --logfile "$LOGFILE" \
    </dev/null >>"$LOGFILE" 2>&1 &
  await_started "$!" "Redis" 5 "$line" "$t0"
}

status() {
  local pid
  if pid="$(live_pid "$PIDFILE" "$MARKER")"; then
    echo "redis: running (pid $pid) on 127.0.0.1:$REDIS_PORT"
  else
    echo "redis: stopped"
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
