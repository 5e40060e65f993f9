#!/usr/bin/env bash
# Compiles the C UDP echo and its load client into bench/target/echo/, starts the echo on a free
# port of 127.0.0.1, runs the client against it with the arguments given, stops the echo and
# prints the client's result (stdout) and the echo's count (stderr). See bench/echo/README.md.
#
#   bash bench/echo/run.sh [udp_echo_client options, without --server]
#   e.g. bash bench/echo/run.sh --clients 100 --window 1 --size 40 --duration 10 --warmup 2
#        ECHO_BATCH=64 bash bench/echo/run.sh --threads 2 --json
#        ECHO_CPUS=0 CLIENT_CPUS=1 bash bench/echo/run.sh
#
# Environment:
#   ECHO_THREADS  echo threads, one SO_REUSEPORT socket each [1]
#   ECHO_BATCH    0: recvfrom/sendto per datagram; N: recvmmsg/sendmmsg of up to N [0]
#   ECHO_CPUS     taskset -c list for the echo [unpinned]
#   CLIENT_CPUS   taskset -c list for the client [unpinned]
#   CC            compiler [gcc]
#
# Needs gcc (and taskset when pinning).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../target/echo"
mkdir -p "$out"
cflags=(-std=c11 -O2 -Wall -Wextra -Werror -pthread)
"${CC:-gcc}" "${cflags[@]}" -o "$out/udp_echo" "$here/udp_echo.c"
"${CC:-gcc}" "${cflags[@]}" -o "$out/udp_echo_client" "$here/udp_echo_client.c"

echo_pinning=()
client_pinning=()
if [ -n "${ECHO_CPUS:-}" ]; then echo_pinning=(taskset -c "$ECHO_CPUS"); fi
if [ -n "${CLIENT_CPUS:-}" ]; then client_pinning=(taskset -c "$CLIENT_CPUS"); fi

log=$(mktemp)
echo_pid=
stop_echo() {
  if [ -n "$echo_pid" ]; then
    kill -TERM "$echo_pid" 2>/dev/null || true
    wait "$echo_pid" 2>/dev/null || true
    echo_pid=
  fi
}
trap 'stop_echo; rm -f "$log"' EXIT

# Port 0: the echo takes a port nobody holds and names it on its first line.
"${echo_pinning[@]}" "$out/udp_echo" --bind 127.0.0.1:0 \
  --threads "${ECHO_THREADS:-1}" --batch "${ECHO_BATCH:-0}" > "$log" 2>&1 &
echo_pid=$!
port=
for _ in $(seq 1 50); do
  port=$(sed -n 's/^udp_echo: listening on 127\.0\.0\.1:\([0-9]*\),.*/\1/p' "$log")
  if [ -n "$port" ] || ! kill -0 "$echo_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "run.sh: the echo did not start:" >&2
  cat "$log" >&2
  exit 1
fi
head -n 1 "$log" >&2

status=0
"${client_pinning[@]}" "$out/udp_echo_client" --server "127.0.0.1:$port" "$@" || status=$?
stop_echo
tail -n +2 "$log" >&2
exit "$status"
