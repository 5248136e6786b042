# Shared helpers for the infra scripts; sourced, never run directly.
# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables below are for the scripts that source this

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$INFRA_DIR/../.." && pwd)"
INFRA_CACHE="${ECOMMERCE_INFRA_CACHE:-$HOME/.cache/ecommerce-infra}"
INFRA_DATA="${ECOMMERCE_INFRA_DATA:-$REPO_DIR/data/infra}"

log() { printf '[infra:%s] %s\n' "${INFRA_NAME:-?}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

need_cmd() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH ($2)"
}

# Seconds since epoch with millisecond precision, for the timings we print.
now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.1fs", b - a }'; }

port_open() {
  timeout 1 bash -c ">/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# pid from a pid file if that process is alive and still runs what we started
# (guards against a recycled pid after a reboot or a crash).
live_pid() {
  local pidfile="$1" marker="$2" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$marker" || return 1
  echo "$pid"
}

tail_log() {
  local file="$1"
  if [[ -f "$file" ]]; then
    log "last lines of $file:"
    tail -n "${2:-40}" "$file" >&2
  fi
}

# wait_ready <timeout-seconds> <pid> <command...>
# 0 once the command succeeds, 1 on timeout, 2 as soon as the process exits.
wait_ready() {
  local timeout="$1" pid="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  while true; do
    kill -0 "$pid" 2>/dev/null || return 2
    "$@" && return 0
    ((SECONDS < deadline)) || return 1
    sleep 0.3
  done
}

# stop_pid <pidfile> <marker> <grace-seconds>: TERM, wait, then KILL.
stop_pid() {
  local pidfile="$1" marker="$2" grace="$3" pid
  if ! pid="$(live_pid "$pidfile" "$marker")"; then
    rm -f "$pidfile"
    log "not running"
    return 0
  fi
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "still alive after ${grace}s, sending KILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.3
  done
  rm -f "$pidfile"
  log "stopped"
}

# Node snippets resolve kafkajs/mongodb from the repo's node_modules.
node_in_repo() {
  (cd "$REPO_DIR" && node -e "$1")
}

# The start sequence every service script shares. `already_running LINE` prints LINE and
# succeeds when the service is up (clearing a stale pid file otherwise); `rotate_log` keeps one
# previous log; `await_started PID WHAT GRACE LINE T0` records the pid, waits for `ready`, and on
# failure prints the log tail, stops what was started and dies with a clear message.
already_running() {
  local pid
  if pid="$(live_pid "$PIDFILE" "$MARKER")"; then
    log "already running (pid $pid)"
    echo "$1"
    return 0
  fi
  rm -f "$PIDFILE"
  return 1
}

rotate_log() {
  if [[ -f "$LOGFILE" ]]; then mv -f "$LOGFILE" "$LOGFILE.1"; fi
}

await_started() {
  local pid=$1 what=$2 grace=$3 line=$4 t0=$5 rc=0
  echo "$pid" >"$PIDFILE"
  wait_ready "$START_TIMEOUT" "$pid" ready || rc=$?
  if ((rc == 2)); then
    rm -f "$PIDFILE"
    tail_log "$LOGFILE"
    die "$what exited during start"
  elif ((rc != 0)); then
    tail_log "$LOGFILE"
    stop_pid "$PIDFILE" "$MARKER" "$grace"
    die "$what did not become ready within ${START_TIMEOUT}s"
  fi
  log "ready (pid $pid) in $(elapsed "$t0"); log: $LOGFILE"
  echo "$line"
}

# Go settings for every go command of the infra scripts (FerretDB, stripe-mock are built from the
# Go module proxy): caches in the infra cache (a rebuild is fast and nothing leaks into the user's
# own Go caches), never a toolchain download.
go_env() {
  GOCACHE="$INFRA_CACHE/go/build" GOMODCACHE="$INFRA_CACHE/go/mod" \
    GOFLAGS="-buildvcs=false -modcacherw" GOTOOLCHAIN=local CGO_ENABLED=0 "$@"
}
