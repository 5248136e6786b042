#!/usr/bin/env bash
# Checks the operations files with the real tools:
#   kustomize build of every overlay (and base, infra) | kubeconform -strict against the
#     Kubernetes JSON schemas (local copy: CI cannot reach kubeconform's default GitHub source);
#   promtool check config / check rules / test rules;
#   amtool check-config for the Alertmanager configuration.
# The tools come from scripts/ops/tools.sh (built once, cached). Exits non-zero on the first
# failing group after running them all. Usage: scripts/ops/validate.sh [k8s|prometheus|alertmanager]...
set -uo pipefail
OPS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$OPS_DIR/../.." && pwd)"
tool() { bash "$OPS_DIR/tools.sh" path "$1"; }
require() {
  local path; path="$(tool "$1")"
  [[ -e "$path" ]] || { echo "missing $1 ($path): run scripts/ops/tools.sh install $1" >&2; return 1; }
  echo "$path"
}

K8S_VERSION="$(basename "$(tool k8s-schemas)" | sed 's/^v\([0-9.]*\)-strict$/\1/')"

check_k8s() {
  local kustomize kubeconform schemas target status=0
  kustomize="$(require kustomize)" && kubeconform="$(require kubeconform)" && schemas="$(require k8s-schemas)" || return 1
  for target in base infra overlays/kind; do
    echo "== kustomize build deploy/k8s/$target | kubeconform (Kubernetes $K8S_VERSION, strict)"
    # No -ignore-missing-schemas: every kind rendered here is a built-in one with a schema.
    "$kustomize" build "$REPO_DIR/deploy/k8s/$target" |
      "$kubeconform" -strict -summary -kubernetes-version "$K8S_VERSION" \
        -schema-location "$schemas/{{.ResourceKind}}{{.KindSuffix}}.json" - || status=1
  done
  return $status
}

check_prometheus() {
  local promtool status=0
  promtool="$(require promtool)" || return 1
  echo "== promtool check config deploy/prometheus/prometheus.yml"
  "$promtool" check config "$REPO_DIR/deploy/prometheus/prometheus.yml" || status=1
  echo "== promtool check rules"
  "$promtool" check rules "$REPO_DIR"/deploy/prometheus/rules/*.yml || status=1
  echo "== promtool test rules"
  "$promtool" test rules "$REPO_DIR"/deploy/prometheus/tests/*.test.yml || status=1
  return $status
}

check_alertmanager() {
  local amtool
  amtool="$(require amtool)" || return 1
  echo "== amtool check-config deploy/alertmanager/alertmanager.yml"
  "$amtool" check-config "$REPO_DIR/deploy/alertmanager/alertmanager.yml"
}

groups=("$@")
if ((${#groups[@]} == 0)); then groups=(k8s prometheus alertmanager); fi
failed=()
for group in "${groups[@]}"; do
  case "$group" in
    k8s) check_k8s || failed+=(k8s) ;;
    prometheus) check_prometheus || failed+=(prometheus) ;;
    alertmanager) check_alertmanager || failed+=(alertmanager) ;;
    *) echo "unknown group '$group' (k8s, prometheus, alertmanager)" >&2; exit 2 ;;
  esac
done
if ((${#failed[@]} > 0)); then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "ops validation passed: ${groups[*]}"
