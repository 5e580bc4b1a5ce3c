#!/usr/bin/env bash
# Newcomer check: clone the repository fresh, run the README's demo command, and check that the whole system
# comes up and works with no configuration — the login URL is printed, /healthz answers, and within a minute of
# simulated market the signals are published and at least one mission is created.
#
#   scripts/smoke.sh            # clones the committed HEAD of this repository
#   SMOKE_RUN_SECONDS=120 scripts/smoke.sh
#
# The README's command is `dotnet run --project Bitten.Host -- --Simulator:Speed=60` (the demo at an hour of market per
# minute). Only where it listens is changed, through environment variables, so it never collides with a BITTEN already
# running on this machine: a free HTTP port and OS-chosen ZeroMQ ports. It works on any day of the week: the demo's
# simulated market stays open at weekends (Simulator:OpenAtWeekends, on for the embedded default).
# Exit code 0 on success; on failure the last lines of the host's output are printed.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
run_seconds="${SMOKE_RUN_SECONDS:-60}"
start_timeout="${SMOKE_START_TIMEOUT_SECONDS:-600}" # a fresh clone builds first; the CI machine is small

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d -t bitten-smoke.XXXXXX)"
host_pid=""
cleanup() {
  if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then
    kill -INT "$host_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$host_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "smoke: FAIL: $*" >&2
  if [[ -f "$work/host.log" ]]; then
    echo "---- last 60 lines of the host's output ----" >&2
    tail -n 60 "$work/host.log" >&2
  fi
  exit 1
}

echo "smoke: cloning $repo (HEAD $(git -C "$repo" rev-parse --short HEAD)) into $work/bitten"
git clone --quiet --no-hardlinks "$repo" "$work/bitten"
cd "$work/bitten"

http_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$http_port"
export Urls="$base"
export Zmq__CommandPort=0 Zmq__FeedPort=0 Zmq__SignalPort=0 Zmq__ReportPort=0 Zmq__MarketPort=0

echo "smoke: dotnet run --project Bitten.Host -- --Simulator:Speed=60   (on $base)"
# setsid: the host and the build it starts get their own process group, so cleanup reaches only them.
setsid dotnet run --project Bitten.Host -- --Simulator:Speed=60 >"$work/host.log" 2>&1 &
host_pid=$!

deadline=$((SECONDS + start_timeout))
login_line=""
until login_line="$(grep -m1 -o "BITTEN demo: open http[^ ]*/login?code=[^ ]*" "$work/host.log" 2>/dev/null)"; do
  kill -0 "$host_pid" 2>/dev/null || fail "the host exited before printing the login URL"
  ((SECONDS < deadline)) || fail "no login URL within ${start_timeout}s"
  sleep 1
done
echo "smoke: login line: ${login_line%%code=*}code=…"

health="$(curl -fsS --max-time 10 "$base/healthz")" || fail "/healthz did not answer 200"
grep -q '"status":"Healthy"' <<<"$health" || fail "/healthz is not Healthy: ${health:0:400}"
echo "smoke: /healthz Healthy"

echo "smoke: letting the simulator run for ${run_seconds}s"
sleep "$run_seconds"
kill -0 "$host_pid" 2>/dev/null || fail "the host died while running"

metrics="$(curl -fsS --max-time 10 "$base/metrics")" || fail "/metrics did not answer 200"
sum() { awk -v name="$1" 'index($0, name) == 1 { total += $NF } END { printf "%d", total }' <<<"$metrics"; }
signals="$(sum bitten_signals_published_total)"
missions="$(sum bitten_missions_created_total)"
echo "smoke: signals published: $signals, missions created: $missions"
((signals > 0)) || fail "no signal was published"
((missions > 0)) || fail "no mission was created"
grep -q "Unhandled exception" "$work/host.log" && fail "the host logged an unhandled exception"

echo "smoke: OK"
