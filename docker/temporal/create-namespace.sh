#!/bin/sh
# One-shot job on temporalio/admin-tools: wait until the Temporal frontend answers,
# then create the namespace Firebreak uses unless it already exists.
# The temporal CLI reads TEMPORAL_ADDRESS from the environment.
set -eu

ns="${TEMPORAL_NAMESPACE:-default}"
retention="${TEMPORAL_NAMESPACE_RETENTION:-72h}"

echo "waiting for Temporal at ${TEMPORAL_ADDRESS:?}"
tries=0
until temporal operator cluster health >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 90 ]; then
    echo "Temporal did not become healthy in time" >&2
    exit 1
  fi
  sleep 2
done

if temporal operator namespace describe --namespace "$ns" >/dev/null 2>&1; then
  echo "namespace $ns already exists"
else
  temporal operator namespace create --namespace "$ns" --retention "$retention"
  echo "namespace $ns created (retention $retention)"
fi
