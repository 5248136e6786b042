#!/usr/bin/env bash
# PostgreSQL (Debian's postgresql) on loopback: FerretDB's storage when FERRETDB_BACKEND=postgresql.
# Usage: scripts/infra/postgres.sh {install|start|stop|status|url}
# Env: POSTGRES_PORT (5432), POSTGRES_START_TIMEOUT (30 s), ECOMMERCE_INFRA_DATA.
# Its own cluster under the data folder (trust authentication, loopback only: a test server).
set -euo pipefail
INFRA_NAME=postgres
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

POSTGRES_PORT="${POSTGRES_PORT:-5432}"
START_TIMEOUT="${POSTGRES_START_TIMEOUT:-30}"

RUN_DIR="$INFRA_DATA/postgres-$POSTGRES_PORT"
DATA_DIR="$RUN_DIR/data"
LOGFILE="$RUN_DIR/postgres.log"
DATABASE="ferretdb"

bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

# PostgreSQL refuses to run as root: as root, its files belong to (and it runs as) `postgres`.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# install [quiet]: Debian's package; idempotent (skips apt when initdb is there).
install() {
  if bin_dir >/dev/null; then
    [[ "${1:-}" == quiet ]] || log "installed: $(bin_dir)"
    return 0
  fi
  need_cmd apt-get "postgresql comes from Debian's packages"
  local t0; t0="$(now_s)"
  log "installing postgresql with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 update -qq >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends postgresql >&2 ||
    die "apt-get install postgresql failed"
  log "installed $("$(bin_dir)/postgres" --version) in $(elapsed "$t0")"
}

start() {
  install quiet
  local bin t0; bin="$(bin_dir)"
  mkdir -p "$RUN_DIR"
  if [[ "$(id -u)" == 0 ]]; then chown postgres "$RUN_DIR"; fi
  if status >/dev/null; then
    log "already running"
    url
    return 0
  fi
  if port_open "$POSTGRES_PORT"; then
    die "port $POSTGRES_PORT is taken by another process; set POSTGRES_PORT"
  fi
  t0="$(now_s)"
  if [[ ! -f "$DATA_DIR/PG_VERSION" ]]; then
    as_owner "$bin/initdb" -D "$DATA_DIR" -A trust -U postgres -E UTF8 >"$RUN_DIR/initdb.log" 2>&1 ||
      { tail_log "$RUN_DIR/initdb.log"; die "initdb failed"; }
  fi
  rotate_log
  # fsync off: a test server, whose data (like the others') need not outlive a machine crash.
  if ! as_owner "$bin/pg_ctl" -D "$DATA_DIR" -l "$LOGFILE" -w -t "$START_TIMEOUT" start \
    -o "-p $POSTGRES_PORT -k $RUN_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" >/dev/null; then
    tail_log "$LOGFILE"
    die "PostgreSQL did not start"
  fi
  if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1; then
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres "$DATABASE" || die "createdb $DATABASE failed"
  fi
  log "ready in $(elapsed "$t0"); log: $LOGFILE"
  url
}

stop() {
  if ! status >/dev/null; then
    log "not running"
    return 0
  fi
  # fast: FerretDB keeps its connections open, a smart shutdown would wait for them
  as_owner "$(bin_dir)/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null
  log "stopped"
}

url() { echo "postgres://postgres@127.0.0.1:$POSTGRES_PORT/$DATABASE"; }

status() {
  local bin; bin="$(bin_dir)" || { echo "postgres: not installed"; return 3; }
  if [[ -f "$DATA_DIR/PG_VERSION" ]] && as_owner "$bin/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
    echo "postgres: running on 127.0.0.1:$POSTGRES_PORT"
  else
    echo "postgres: stopped"
    return 3
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  *) echo "usage: $0 {install|start|stop|status|url}" >&2; exit 2 ;;
esac
