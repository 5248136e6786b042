#!/usr/bin/env bash
# The operations checkers, built once from the Go module proxy (and one PyPI wheel for the
# Kubernetes JSON schemas) into the infra cache; later runs reuse the binaries.
# Usage: scripts/ops/tools.sh {install [TOOL...]|path TOOL|status}
#   TOOL: kubeconform kustomize promtool amtool k8s-schemas (install with none: all of them)
# Env: ECOMMERCE_INFRA_CACHE (default ~/.cache/ecommerce-infra), K8S_SCHEMA_VERSION (v1.34.0).
set -euo pipefail
INFRA_NAME=ops-tools
source "$(dirname "${BASH_SOURCE[0]}")/../infra/lib.sh"

KUBECONFORM_VERSION=v0.8.0
KUSTOMIZE_VERSION=v5.8.1
# Prometheus 3.16.0 and Alertmanager 0.35.0: the Go module versions the proxy serves here.
PROMETHEUS_VERSION=v0.316.0
ALERTMANAGER_VERSION=v0.35.0
# kubernetes-validate ships yannh/kubernetes-json-schema's schemas for each Kubernetes minor: the
# GitHub copy kubeconform fetches by default cannot be reached from CI.
KUBERNETES_VALIDATE_VERSION=1.37.0
K8S_SCHEMA_VERSION="${K8S_SCHEMA_VERSION:-v1.34.0}"

OPS_CACHE="$INFRA_CACHE/ops"
ALL_TOOLS=(kubeconform kustomize promtool amtool k8s-schemas)

# module version package-dir [build tags]
spec_of() {
  case "$1" in
    kubeconform) echo "github.com/yannh/kubeconform $KUBECONFORM_VERSION ./cmd/kubeconform" ;;
    kustomize) echo "sigs.k8s.io/kustomize/kustomize/v5 $KUSTOMIZE_VERSION ." ;;
    # remove_all_sd leaves out the cloud service-discovery plugins promtool never needs to check rules.
    promtool) echo "github.com/prometheus/prometheus $PROMETHEUS_VERSION ./cmd/promtool remove_all_sd" ;;
    amtool) echo "github.com/prometheus/alertmanager $ALERTMANAGER_VERSION ./cmd/amtool" ;;
    *) return 1 ;;
  esac
}

path_of() {
  if [[ "$1" == k8s-schemas ]]; then
    echo "$OPS_CACHE/k8s-schemas-$KUBERNETES_VALIDATE_VERSION/$K8S_SCHEMA_VERSION-strict"
    return
  fi
  local module version
  read -r module version _ <<<"$(spec_of "$1")" || die "unknown tool '$1'"
  echo "$OPS_CACHE/$1-$version/$1"
}

installed() { [[ -e "$(path_of "$1")" ]]; }

# Built inside the downloaded module, so its own go.mod and go.sum pin every dependency (GOWORK=off:
# Prometheus's module zip carries a go.work naming folders the zip leaves out).
build_go_tool() {
  local tool="$1" module version package tags json dir bin t0
  read -r module version package tags <<<"$(spec_of "$tool")"
  bin="$(path_of "$tool")"
  need_cmd go "the $tool binary is built from the Go module proxy"
  t0="$(now_s)"
  log "building $tool ($module@$version); the first build takes minutes and is cached"
  json="$(cd /tmp && go_env go mod download -json "$module@$version")" || die "go mod download $module@$version failed: $json"
  dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$json")"
  [[ -d "$dir" ]] || die "go mod download gave no module directory: $json"
  mkdir -p "$(dirname "$bin")"
  (cd "$dir" && go_env env GOWORK=off go build -trimpath ${tags:+-tags "$tags"} -ldflags "-s -w" -o "$bin.tmp" "$package") ||
    die "go build of $tool failed (see output above)"
  mv "$bin.tmp" "$bin"
  log "installed $bin in $(elapsed "$t0")"
}

# The "local" schemas of the wheel carry an https://kubernetes.io/api/... $id and point at their
# shared definitions as "/api/_definitions.json", resolved against that $id by
# kubernetes-validate's own registry; without the $id and with relative references they are plain
# files kubeconform loads from a folder.
install_k8s_schemas() {
  local target wheel_dir t0
  target="$(path_of k8s-schemas)"
  need_cmd python3 "the Kubernetes schemas come from the kubernetes-validate wheel on PyPI"
  need_cmd unzip "to unpack the kubernetes-validate wheel"
  t0="$(now_s)"
  wheel_dir="$(mktemp -d)"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps -d "$wheel_dir" "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" ||
    die "pip download kubernetes-validate==$KUBERNETES_VALIDATE_VERSION failed"
  rm -rf "$target.tmp"
  mkdir -p "$target.tmp"
  unzip -q -j -d "$target.tmp" "$wheel_dir"/kubernetes_validate-*.whl "kubernetes_validate/kubernetes-json-schema/$K8S_SCHEMA_VERSION-local-strict/*" ||
    die "the wheel has no schemas for Kubernetes $K8S_SCHEMA_VERSION"
  python3 - "$target.tmp" <<'PY' || die "could not rewrite the schema references"
import json, pathlib, sys
for path in pathlib.Path(sys.argv[1]).glob("*.json"):
    schema = json.loads(path.read_text().replace('"/api/_definitions.json#', '"_definitions.json#'))
    schema.pop("$id", None)  # without it, references resolve against the file itself
    path.write_text(json.dumps(schema))
PY
  rm -rf "$wheel_dir" "$target"
  mv "$target.tmp" "$target"
  log "installed Kubernetes $K8S_SCHEMA_VERSION schemas ($(find "$target" -name '*.json' | wc -l) files) at $target in $(elapsed "$t0")"
}

install() {
  local tool
  for tool in "$@"; do
    if installed "$tool"; then
      log "installed: $(path_of "$tool")"
    elif [[ "$tool" == k8s-schemas ]]; then
      install_k8s_schemas
    else
      build_go_tool "$tool"
    fi
  done
}

case "${1:-}" in
  install)
    shift
    if (($# == 0)); then set -- "${ALL_TOOLS[@]}"; fi
    install "$@"
    ;;
  path)
    [[ $# -eq 2 ]] || { echo "usage: $0 path TOOL" >&2; exit 2; }
    path_of "$2"
    ;;
  status)
    for tool in "${ALL_TOOLS[@]}"; do
      if installed "$tool"; then echo "$tool: $(path_of "$tool")"; else echo "$tool: not installed"; fi
    done
    ;;
  *) echo "usage: $0 {install [TOOL...]|path TOOL|status}" >&2; exit 2 ;;
esac
