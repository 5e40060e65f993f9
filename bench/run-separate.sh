#!/usr/bin/env bash
# Runs the packaged gateway (its launcher, with the shipped JVM settings) and its load generator (gateway.jar simulate) as two processes pinned to one core each, on
# 127.0.0.1 only, and reports the generator's figures plus the gateway's store syncs (read from its
# metrics endpoint before and after).
#
#   bash bench/run-separate.sh [gateway flags...] -- [simulate flags...]
#   e.g. bash bench/run-separate.sh -- --subscriber persistent
#        bash bench/run-separate.sh --in-memory -- --subscriber persistent
#
# Needs: mvn -B package -DskipTests; taskset, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
gateway_args=()
load_args=()
target=gateway
for arg in "$@"; do
  if [ "$arg" = "--" ]; then target=load; continue; fi
  if [ "$target" = gateway ]; then gateway_args+=("$arg"); else load_args+=("$arg"); fi
done
data_dir=$(mktemp -d)
log=$(mktemp)
trap 'kill "$gateway_pid" 2>/dev/null || true; rm -rf "$data_dir" "$log"' EXIT

# The launcher: the gateway as shipped, with jvm.options (SNGW_JVM_OPTIONS picks another file).
taskset -c 0 gateway-app/target/sngw --udp 127.0.0.1:21884 --mqtt 127.0.0.1:21883 \
  --metrics 127.0.0.1:21900 --data-dir "$data_dir" ${gateway_args[@]+"${gateway_args[@]}"} > "$log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 100); do grep -q "gateway running" "$log" && break; sleep 0.2; done

syncs() { curl -s http://127.0.0.1:21900/metrics | awk '/^sngw_store_syncs_total/ {print $2}'; }
before=$(syncs)
start=$(date +%s.%N)
taskset -c 1 java -jar gateway-app/target/gateway.jar simulate \
  --gateway 127.0.0.1:21884 --mqtt 127.0.0.1:21883 ${load_args[@]+"${load_args[@]}"}
after=$(syncs)
end=$(date +%s.%N)
if [ -n "$before" ]; then
  awk -v b="$before" -v a="$after" -v s="$start" -v e="$end" \
    'BEGIN { printf "store:      %d syncs in %.1f s of run (warm-up included): %.0f syncs/s\n", a - b, e - s, (a - b) / (e - s) }'
else
  echo "store:      none (--in-memory)"
fi
