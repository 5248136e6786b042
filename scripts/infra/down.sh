#!/usr/bin/env bash
# Stops the servers that up.sh started; data under data/infra is kept for the next start.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rc=0
"$here/minio.sh" stop || rc=1
"$here/redis.sh" stop || rc=1
"$here/stripe-mock.sh" stop || rc=1
"$here/registry.sh" stop || rc=1
"$here/ferretdb.sh" stop || rc=1
# FerretDB's storage when FERRETDB_BACKEND=postgresql; "not running" otherwise
"$here/postgres.sh" stop || rc=1
"$here/kafka.sh" stop || rc=1
exit "$rc"
