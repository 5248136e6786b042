#!/usr/bin/env bash
# Creates (or keeps) the Secret ecommerce-secrets that deploy/k8s/base references and never
# contains: the token signing key every command-api replica shares, and the first admin account.
# Usage: scripts/ops/kind-secrets.sh [ADMIN_EMAIL]   (kubectl pointed at the cluster; namespace ecommerce)
# Values are generated here and go straight to the cluster: nothing is printed or written to disk.
# Stripe: add STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET to the same Secret and set
# PAYMENT_PROVIDER=stripe in the ConfigMap.
set -euo pipefail
namespace="${NAMESPACE:-ecommerce}"
admin_email="${1:-admin@example.com}"

command -v kubectl >/dev/null || { echo "kubectl not found" >&2; exit 1; }
if kubectl -n "$namespace" get secret ecommerce-secrets >/dev/null 2>&1; then
  echo "ecommerce-secrets exists in $namespace: kept (delete it to make a new one; tokens signed with the old key stop verifying)"
  exit 0
fi
kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"

jwk="$(node -e '
  const { generateKeyPairSync } = require("node:crypto");
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  process.stdout.write(JSON.stringify(privateKey.export({ format: "jwk" })));')"
password="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("base64url"))')"

# --from-env-file reads from a pipe: the values never appear in a process list.
printf 'JWT_PRIVATE_KEY=%s\nADMIN_EMAIL=%s\nADMIN_PASSWORD=%s\n' "$jwk" "$admin_email" "$password" |
  kubectl -n "$namespace" create secret generic ecommerce-secrets --from-env-file=/dev/stdin
echo "ecommerce-secrets created in $namespace; the admin password:"
echo "  kubectl -n $namespace get secret ecommerce-secrets -o jsonpath='{.data.ADMIN_PASSWORD}' | base64 -d"
