#!/usr/bin/env bash
# Single-node Apache Kafka (KRaft, broker+controller in one JVM) on loopback, from Maven Central jars.
# Usage: scripts/infra/kafka.sh {install|start|stop|status|tool <main-class> [args...]}
#   tool runs a class from the Kafka jars, e.g.
#   scripts/infra/kafka.sh tool org.apache.kafka.tools.ProducerPerformance --topic t --num-records 1000 ...
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_VERSION, KAFKA_HEAP_OPTS,
#      KAFKA_START_TIMEOUT (90 s), ECOMMERCE_INFRA_CACHE, ECOMMERCE_INFRA_DATA, JAVA_HOME.
set -euo pipefail
INFRA_NAME=kafka
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_VERSION="${KAFKA_VERSION:-3.9.2}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms512m -Xmx1g}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

HOME_DIR="$INFRA_CACHE/kafka-$KAFKA_VERSION"
LIBS="$HOME_DIR/libs"
RUN_DIR="$INFRA_DATA/kafka"
PIDFILE="$RUN_DIR/kafka.pid"
LOGFILE="$RUN_DIR/kafka.log"
PROPS="$RUN_DIR/server.properties"
LOG_DIRS="$RUN_DIR/logs"
MARKER="kafka.Kafka"

JAVA="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; fi

# install [quiet]: quiet skips the "already installed" line (start calls it every time).
install() {
  if [[ -f "$LIBS/.complete" ]]; then
    [[ "${1:-}" == quiet ]] || log "installed: $LIBS"
    return 0
  fi
  need_cmd mvn "install Maven; the Kafka jars come from Maven Central"
  need_cmd "$JAVA" "install a JDK 11+ or set JAVA_HOME"
  local t0; t0="$(now_s)"
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central"
  # Copy into a temp dir and rename, so an interrupted install is never taken as complete.
  rm -rf "$LIBS.tmp"
  mkdir -p "$HOME_DIR"
  if ! mvn -B -q -Dstyle.color=never -f "$INFRA_DIR/kafka/pom.xml" \
      -Dmaven.repo.local="$INFRA_CACHE/m2" \
      -Dkafka.version="$KAFKA_VERSION" \
      -DincludeScope=runtime \
      -DoutputDirectory="$LIBS.tmp" \
      dependency:copy-dependencies; then
    die "mvn dependency:copy-dependencies failed for Kafka $KAFKA_VERSION"
  fi
  [[ -f "$LIBS.tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] ||
    die "kafka_2.13-$KAFKA_VERSION.jar missing after copy-dependencies"
  touch "$LIBS.tmp/.complete"
  rm -rf "$LIBS"
  mv "$LIBS.tmp" "$LIBS"
  log "installed $(find "$LIBS" -name '*.jar' | wc -l) jars in $LIBS in $(elapsed "$t0")"
}

run_class() {
  "$JAVA" -Xmx256m -Dlog4j.configuration="file:$INFRA_DIR/kafka/tools-log4j.properties" \
    -cp "$LIBS/*" "$@"
}

write_props() {
  cat >"$PROPS" <<EOF
# Written by scripts/infra/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$LOG_DIRS
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
}

# Format the KRaft metadata log once; later starts reuse the cluster and its topics.
format_once() {
  if [[ -f "$LOG_DIRS/meta.properties" ]]; then return 0; fi
  local cluster_id
  cluster_id="$(run_class kafka.tools.StorageTool random-uuid 2>>"$LOGFILE" | tail -1)"
  [[ -n "$cluster_id" ]] || { tail_log "$LOGFILE"; die "StorageTool random-uuid gave no id"; }
  log "formatting storage in $LOG_DIRS (cluster id $cluster_id)"
  run_class kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" >>"$LOGFILE" 2>&1 ||
    { tail_log "$LOGFILE"; die "StorageTool format failed"; }
}

# The port answering is not enough: the broker must have joined the quorum and
# serve metadata, which a kafkajs admin listTopics proves.
metadata_ok() {
  KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" node_in_repo '
    const { Kafka, logLevel } = require("kafkajs");
    const admin = new Kafka({ brokers: [process.env.KAFKA_BROKERS], logLevel: logLevel.NOTHING,
      connectionTimeout: 1000, requestTimeout: 2000, retry: { retries: 0 } }).admin();
    admin.connect().then(() => admin.describeCluster())
      .then((c) => { if (c.controller === null || c.brokers.length === 0) throw new Error("no controller"); })
      .then(() => admin.listTopics())
      .then(() => admin.disconnect().then(() => process.exit(0)))
      .catch(() => process.exit(1));' >/dev/null 2>&1
}

ready() {
  port_open "$KAFKA_PORT" || return 1
  if [[ -d "$REPO_DIR/node_modules/kafkajs" ]]; then metadata_ok; fi
}

start() {
  install quiet
  mkdir -p "$RUN_DIR" "$LOG_DIRS"
  already_running "KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT" && return 0
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$p"; then
      die "port $p is taken by another process; set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
    fi
  done
  local t0; t0="$(now_s)"
  rotate_log
  write_props
  format_once
  # setsid: its own session, so the caller's job control cannot kill it by accident.
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several flags
  setsid "$JAVA" $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$INFRA_DIR/kafka/log4j.properties" \
    -cp "$LIBS/*" kafka.Kafka "$PROPS" \
    </dev/null >>"$LOGFILE" 2>&1 &
  await_started "$!" "Kafka" 20 "KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT" "$t0"
}

status() {
  local pid
  if pid="$(live_pid "$PIDFILE" "$MARKER")"; then
    echo "kafka: running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
  else
    echo "kafka: stopped"
    return 3
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_pid "$PIDFILE" "$MARKER" 30 ;;
  status) status ;;
  tool)
    shift
    [[ $# -ge 1 ]] || { echo "usage: $0 tool <main-class> [args...]" >&2; exit 2; }
    install quiet
    run_class "$@"
    ;;
  *) echo "usage: $0 {install|start|stop|status|tool <main-class> [args...]}" >&2; exit 2 ;;
esac
