#!/usr/bin/env bash
# FerretDB 1.x (MongoDB wire protocol on SQLite, or on PostgreSQL) on loopback for the read-store tests.
# Usage: scripts/infra/ferretdb.sh {install|start|stop|status}
# Env: FERRETDB_PORT (27017), FERRETDB_VERSION, ECOMMERCE_INFRA_CACHE, ECOMMERCE_INFRA_DATA,
#      FERRETDB_START_TIMEOUT (60 s), FERRETDB_BACKEND (sqlite, or postgresql: started with
#      scripts/infra/postgres.sh, POSTGRES_PORT; stopping FerretDB leaves PostgreSQL running),
#      FERRETDB_DEBUG_ADDR (off; e.g. 127.0.0.1:28088 serves /debug/metrics, its requests per command,
#      and /debug/pprof), FERRETDB_GOGC (400: Go's GC target, see below).
set -euo pipefail
INFRA_NAME=ferretdb
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# v1.24.0 is the last 1.x on the Go module proxy; 2.x needs PostgreSQL+DocumentDB instead of SQLite.
FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.0}"
FERRETDB_PORT="${FERRETDB_PORT:-27017}"
FERRETDB_BACKEND="${FERRETDB_BACKEND:-sqlite}"
START_TIMEOUT="${FERRETDB_START_TIMEOUT:-60}"
# Go's collector runs when the heap has grown by GOGC % since the last one (Go's default 100).
# FerretDB's live heap is small (tens of MB) and it allocates a document's worth per document it
# reads or writes: at 200 orders/s, GC marking was 8 % of its CPU (its pprof, 2026-12-06).
FERRETDB_GOGC="${FERRETDB_GOGC:-400}"

# The build's name says it carries the four changes below: an older build is rebuilt.
BUILD="ferretdb-$FERRETDB_VERSION-id-index-update-close-untracked-id-in"
BIN_DIR="$INFRA_CACHE/$BUILD/bin"
BIN="$BIN_DIR/ferretdb"
RUN_DIR="$INFRA_DATA/ferretdb"
PIDFILE="$RUN_DIR/ferretdb.pid"
LOGFILE="$RUN_DIR/ferretdb.log"
MARKER="ferretdb"

# Not `go install ...@version`: it looks up the module's deprecation through the
# proxy's version list, which the proxy here refuses (403) for FerretDB. And
# FerretDB panics at start without build/version/version.txt, which its module
# zip lacks, so we build from a writable copy of the module with that file added.
# FerretDB 1.24's SQLite backend indexes _id as `_ferretdb_sjson->"_id"` but looks documents up
# by `_ferretdb_sjson->'$._id'`: the same value, another expression, so SQLite never uses the
# index and every find, update and replace by _id scans the whole collection (measured: a
# findOne by _id 1 ms in 100 documents, 7.7 ms in 5,000; an updateOne 1.3 ms, 24 ms). Its lookups
# are made to spell the index's expression; `x->"_id"` and `x->'$._id'` are the same JSON path.
use_id_index() {
  local file="$1/internal/backends/sqlite/metadata/metadata.go"
  grep -q "IDColumn = DefaultColumn + \"->'\$._id'\"" "$file" ||
    die "FerretDB $FERRETDB_VERSION: IDColumn is not where the _id index fix expects it in $file"
  sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \\\`->\"_id\"\\\`|" "$file"
  grep -q 'IDColumn = DefaultColumn + `->"_id"`' "$file" || die "FerretDB $FERRETDB_VERSION: the _id index fix did not apply to $file"
}

# FerretDB 1.24's `update` command left each statement's query open until the whole command
# returned (a `defer` in its loop) and wrote each document while its query was still open: every
# statement held a connection of the database's pool of 100. A command of 100 statements or more, or
# two of 50 at once (a read model's bulk write at 200 orders/s), took them all and then waited for
# one more for good: every later command on that database hung, with no error and no CPU spent. The
# patch reads a statement's documents and closes its query before writing them, as FerretDB's
# `delete` already does (test: platform/src/read-store/mongo-large-updates.int.test.ts).
close_each_update_query() {
  patch --forward --silent -p1 -d "$1" <"$INFRA_DIR/ferretdb/update-closes-each-query.patch" ||
    die "FerretDB $FERRETDB_VERSION: the update fix (ferretdb/update-closes-each-query.patch) did not apply"
}

# FerretDB 1.24 tracks the lifetime of every iterator, query and connection it opens
# (`resource.Track`): a stack capture into a pprof profile and a finalizer that panics if the
# object was never closed, in every build. Under the orders bench at 200 orders/s that was a tenth
# of its CPU (its own /debug/pprof profile, 2026-12-06), the largest user of the machine's two
# cores then. The patch keeps the tracking in FerretDB's debug builds only, as its stack capture
# already was. A leaked object then goes unnoticed instead of panicking, and a leaked query holds
# one of its database's 100 SQLite connections for good (the hang the update patch above fixed
# looked like that): to hunt one, build FerretDB with `-tags ferretdb_debug`.
track_resources_in_debug_builds_only() {
  patch --forward --silent -p1 -d "$1" <"$INFRA_DIR/ferretdb/resource-tracking-debug-only.patch" ||
    die "FerretDB $FERRETDB_VERSION: the resource-tracking change (ferretdb/resource-tracking-debug-only.patch) did not apply"
}

# FerretDB 1.24 looks a document up on the _id index only for a filter `{_id: <one id>}`: a
# filter `{_id: {$in: [ids]}}` scans the whole collection, where MongoDB uses the index. So the
# projections asked for a batch's documents one `findOne` each, a round trip and a command each.
# The patch looks such a list (of string or ObjectId ids, up to 1,000) up on the index with
# `IN (...)`; FerretDB still filters what it finds as before, so a document can only be left
# out by the filter itself (test: platform/src/read-store/mongo.int.test.ts, an `_id` list's plan).
look_up_id_lists_on_index() {
  patch --forward --silent -p1 -d "$1" <"$INFRA_DIR/ferretdb/id-in-lookups-on-index.patch" ||
    die "FerretDB $FERRETDB_VERSION: the _id list change (ferretdb/id-in-lookups-on-index.patch) did not apply"
}

# install [quiet]: quiet skips the "already installed" line (start calls it every time).
install() {
  if [[ -x "$BIN" ]]; then
    [[ "${1:-}" == quiet ]] || log "installed: $BIN"
    return 0
  fi
  need_cmd go "install Go; FerretDB is built from source"
  need_cmd patch "install patch (Debian: apt-get install patch); FerretDB's source is patched before it is built"
  local t0 json dir commit src
  t0="$(now_s)"
  log "building FerretDB $FERRETDB_VERSION from the Go module proxy (first time takes a few minutes)"
  json="$(cd /tmp && go_env go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION")" ||
    die "go mod download of FerretDB $FERRETDB_VERSION failed: $json"
  dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$json")"
  commit="$(sed -n 's/^[[:space:]]*"Hash": "\(.*\)",*$/\1/p' <<<"$json")"
  [[ -d "$dir" ]] || die "go mod download gave no module directory: $json"
  src="$INFRA_CACHE/$BUILD/src"
  rm -rf "$src"
  mkdir -p "$(dirname "$src")" "$BIN_DIR"
  cp -R "$dir" "$src"
  chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  echo "${commit:-unknown}" >"$src/build/version/commit.txt"
  echo "ecommerce-infra" >"$src/build/version/package.txt"
  use_id_index "$src"
  close_each_update_query "$src"
  track_resources_in_debug_builds_only "$src"
  look_up_id_lists_on_index "$src"
  (cd "$src" && go_env go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb) ||
    die "go build of FerretDB $FERRETDB_VERSION failed (see output above)"
  mv "$BIN.tmp" "$BIN"
  rm -rf "$src"
  log "installed $("$BIN" --version 2>/dev/null | head -1) at $BIN in $(elapsed "$t0")"
}

ping_mongo() {
  MONGO_URL="mongodb://127.0.0.1:$FERRETDB_PORT" node_in_repo '
    const { MongoClient } = require("mongodb");
    const c = new MongoClient(process.env.MONGO_URL, { serverSelectionTimeoutMS: 1500, directConnection: true });
    c.connect().then(() => c.db("admin").command({ ping: 1 }))
      .then(() => c.close().then(() => process.exit(0)))
      .catch(() => process.exit(1));' >/dev/null 2>&1
}

ready() {
  port_open "$FERRETDB_PORT" || return 1
  if [[ -d "$REPO_DIR/node_modules/mongodb" ]]; then ping_mongo; fi
}

# A FerretDB still running from another build (an older one, without a fix above) is stopped, so
# that start leaves this build running rather than saying "already running".
stop_other_build() {
  local pid exe
  pid="$(live_pid "$PIDFILE" "$MARKER")" || return 0
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null)" || return 0
  [[ "$exe" == "$(readlink -f "$BIN")" ]] && return 0
  log "pid $pid runs $exe, not this build ($BIN): stopping it"
  stop_pid "$PIDFILE" "$MARKER" 15
}

start() {
  install quiet
  mkdir -p "$RUN_DIR/sqlite" "$RUN_DIR/state"
  stop_other_build
  already_running "MONGO_URL=mongodb://127.0.0.1:$FERRETDB_PORT" && return 0
  if port_open "$FERRETDB_PORT"; then
    die "port $FERRETDB_PORT is taken by another process; set FERRETDB_PORT"
  fi
  local t0 storage; t0="$(now_s)"
  case "$FERRETDB_BACKEND" in
    # WAL with synchronous=NORMAL: a commit is not fsynced (a power cut may lose the last ones; a
    # crash of FerretDB or of the machine's processes loses nothing), which read models rebuilt
    # from the event store can afford. FERRETDB_SQLITE_SYNCHRONOUS=full restores SQLite's default.
    sqlite) storage=(--handler=sqlite --sqlite-url="file:$RUN_DIR/sqlite/?_pragma=synchronous(${FERRETDB_SQLITE_SYNCHRONOUS:-normal})") ;;
    postgresql) storage=(--handler=pg --postgresql-url="$("$INFRA_DIR/postgres.sh" start)") ;;
    *) die "FERRETDB_BACKEND must be sqlite or postgresql, not $FERRETDB_BACKEND" ;;
  esac
  rotate_log
  # setsid: its own session, so the caller's job control cannot kill it by accident.
  # --debug-addr=- by default: no debug HTTP listener, one port less to collide on.
  # GOGC: see FERRETDB_GOGC above.
  GOGC="$FERRETDB_GOGC" setsid "$BIN" \
    --listen-addr="127.0.0.1:$FERRETDB_PORT" \
    "${storage[@]}" \
    --state-dir="$RUN_DIR/state" \
    --telemetry=disable \
    --debug-addr="${FERRETDB_DEBUG_ADDR:--}" \
    --log-level=warn \
    </dev/null >>"$LOGFILE" 2>&1 &
  await_started "$!" "FerretDB" 10 "MONGO_URL=mongodb://127.0.0.1:$FERRETDB_PORT" "$t0"
}

status() {
  local pid
  if pid="$(live_pid "$PIDFILE" "$MARKER")"; then
    echo "ferretdb: running (pid $pid) on 127.0.0.1:$FERRETDB_PORT"
  else
    echo "ferretdb: stopped"
    return 3
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_pid "$PIDFILE" "$MARKER" 15 ;;
  status) status ;;
  *) echo "usage: $0 {install|start|stop|status}" >&2; exit 2 ;;
esac
