#!/usr/bin/env bash
# Starts or stops the project-local Azurite (storage emulator) used by the local Durable Task
# engine, the CLI host and the integration tests. Data lives in <repo>/.azurite.
#   scripts/azurite.sh start   # idempotent: does nothing if 127.0.0.1:10000 already answers
#   scripts/azurite.sh stop
#   scripts/azurite.sh reset   # stop, delete its data, start empty (benchmarks: an Azurite holding tens of
#                              # thousands of blobs from earlier runs spends several times the CPU per request)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="$repo_root/.azurite"
pid_file="$data_dir/azurite.pid"
log_file="$data_dir/azurite.log"
host=127.0.0.1
ports=(10000 10001 10002)

port_answers() {
  # bash's /dev/tcp avoids depending on nc or curl being installed.
  (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null
}

start() {
  if port_answers "${ports[0]}"; then
    echo "Azurite already answers on $host:${ports[0]}; nothing to do."
    return 0
  fi
  command -v node >/dev/null || { echo "node is not installed; Azurite needs Node.js and npm." >&2; exit 1; }
  if [[ ! -x "$repo_root/node_modules/.bin/azurite" ]]; then
    command -v npm >/dev/null || { echo "npm is not installed; it is needed to install Azurite." >&2; exit 1; }
    (cd "$repo_root" && npm ci --no-audit --no-fund >&2)
  fi
  mkdir -p "$data_dir"
  # setsid detaches Azurite from this shell's session so it outlives the caller.
  setsid "$repo_root/node_modules/.bin/azurite" --silent --disableTelemetry --skipApiVersionCheck --loose \
    --location "$data_dir" \
    --blobHost "$host" --queueHost "$host" --tableHost "$host" \
    --blobPort 10000 --queuePort 10001 --tablePort 10002 \
    </dev/null >>"$log_file" 2>&1 &
  echo $! >"$pid_file"

  for _ in $(seq 1 120); do
    local all_up=true
    for port in "${ports[@]}"; do port_answers "$port" || all_up=false; done
    if $all_up; then
      echo "Azurite started on $host:10000-10002 (pid $(cat "$pid_file"), data in $data_dir)."
      return 0
    fi
    if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      echo "Azurite exited during start; see $log_file" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "Azurite did not answer on $host:10000-10002 within 60 s; see $log_file" >&2
  exit 1
}

stop() {
  if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    kill "$(cat "$pid_file")"
    rm -f "$pid_file"
    echo "Azurite stopped."
  elif port_answers "${ports[0]}"; then
    echo "Something answers on $host:${ports[0]} but it was not started by this script; leaving it alone." >&2
  else
    echo "Azurite is not running."
  fi
}

reset() {
  stop
  for _ in $(seq 1 40); do
    port_answers "${ports[0]}" || break
    sleep 0.25
  done
  if port_answers "${ports[0]}"; then
    echo "Something still answers on $host:${ports[0]}; not deleting $data_dir." >&2
    exit 1
  fi
  rm -rf "$data_dir"
  start
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  reset) reset ;;
  *) echo "usage: $0 start|stop|reset" >&2; exit 2 ;;
esac
