#!/usr/bin/env bash
# Resident memory of the gateway started by its launcher (gateway-app/target/sngw, so with the
# shipped jvm.options), on random 127.0.0.1 ports: time from start to listening, RSS after
# IDLE_SECONDS idle, then with CLIENTS MQTT-SN clients of `gateway simulate`, each publishing QoS 1
# once a second, to a clean QoS 1 subscriber: the peak and final RSS, and simulate's JSON summary.
#
#   bash bench/footprint.sh [CLIENTS] [SECONDS]      defaults: 1000 clients, 30 s measured
# Environment: IDLE_SECONDS [10]; SNGW_JVM_OPTIONS (another options file to compare);
# GATEWAY_CPUS / LOAD_CPUS (taskset lists, unpinned by default).
# Needs `mvn -B -q package -DskipTests` first. bench/RESULTS.md, "Footprint", has the figures.
set -euo pipefail
cd "$(dirname "$0")/.."

clients=${1:-1000}
seconds=${2:-30}
idle=${IDLE_SECONDS:-10}
launcher=gateway-app/target/sngw
jar=gateway-app/target/gateway.jar
[ -x "$launcher" ] || { echo "no $launcher: run mvn -B -q package -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
gateway_pid=""
cleanup() {
  [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
pinned() { local cpus=$1; shift; if [ -n "$cpus" ]; then taskset -c "$cpus" "$@"; else "$@"; fi; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$gateway_pid/status"; }

udp=$(free_port)
mqtt=$(free_port)
# The default caps UDP at 5,000 sessions (a flood on one transport must leave room for the others).
cat > "$work/gateway.yaml" <<EOF
mqtt-sn:
  max-sessions: $((clients > 10000 ? clients : 10000))
  max-sessions-per-transport: $((clients > 5000 ? clients : 5000))
EOF

# Make the class data archive first (the launcher's first start does), so start-up is timed as
# every later start sees it.
"$launcher" --version > /dev/null

started=$(date +%s%N)
# Not through pinned(): a function run with & is a subshell, and $! must be the JVM's pid.
${GATEWAY_CPUS:+taskset -c "$GATEWAY_CPUS"} "$launcher" --config "$work/gateway.yaml" --udp "127.0.0.1:$udp" \
  --mqtt "127.0.0.1:$mqtt" --data-dir "$work/data" > "$work/gateway.log" 2>&1 &
gateway_pid=$!
until grep -q "gateway running" "$work/gateway.log"; do
  kill -0 "$gateway_pid" 2>/dev/null || { cat "$work/gateway.log" >&2; exit 1; }
  sleep 0.01
done
start_ms=$(( ($(date +%s%N) - started) / 1000000 ))
sleep "$idle"
idle_kb=$(rss_kb)

peak_kb=0
echo 0 > "$work/peak"
( while kill -0 "$gateway_pid" 2>/dev/null; do
    kb=$(rss_kb 2>/dev/null || echo 0)
    [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb && echo "$peak_kb" > "$work/peak"
    sleep 0.1
  done ) &
sampler=$!
pinned "${LOAD_CPUS:-}" java -jar "$jar" simulate --gateway "127.0.0.1:$udp" --mqtt "127.0.0.1:$mqtt" \
  --clients "$clients" --rate "$clients" --threads 2 --warmup 5 --duration "$seconds" \
  --subscriber clean --json > "$work/summary.json" 2> "$work/live.txt"
loaded_kb=$(rss_kb)
kill "$sampler" 2>/dev/null || true

echo "start to listening: ${start_ms} ms"
echo "RSS idle after ${idle} s: $((idle_kb / 1024)) MiB"
echo "RSS with $clients clients at 1 msg/s each: peak $(( $(cat "$work/peak") / 1024 )) MiB, at the end $((loaded_kb / 1024)) MiB"
echo "gateway warnings: $(grep -c -e ' WARN ' -e ' ERROR ' "$work/gateway.log" || true)"
cat "$work/summary.json"
echo
