#!/usr/bin/env bash
# Fault run (issue #13 "Faults", issue #7 fault proofs): the process-level fault tests of tests/Bitten.Host.Tests/Faults at
# full length — the terminal's connection cut for the real 60 s against the default 30 s staleness, EAs required back
# within 5 s of a killed host's restart — and writes bench/results/faults.json (each fault, its outcome, its figures).
# Needs root (the disk-full fault mounts a tmpfs) and python3-zmq. One command:  bash bench/faults/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/results/faults.json
trx_dir=$(mktemp -d)
trap 'rm -rf "$trx_dir"' EXIT

export CI=true                                  # nothing may skip: a missing python3-zmq or mount permission fails
export BITTEN_FAULT_CUT_SECONDS=${BITTEN_FAULT_CUT_SECONDS:-60}
export BITTEN_FAULT_STALE_AFTER_SECONDS=${BITTEN_FAULT_STALE_AFTER_SECONDS:-30}
export BITTEN_FAULT_FIRE_EVERY_SECONDS=${BITTEN_FAULT_FIRE_EVERY_SECONDS:-5}
export BITTEN_FAULT_RECONNECT_LIMIT_S=${BITTEN_FAULT_RECONNECT_LIMIT_S:-5}

config=${BITTEN_FAULT_CONFIGURATION:-Release}
dotnet build tests/Bitten.Host.Tests -c "$config" -v q -nologo
set +e
dotnet test tests/Bitten.Host.Tests -c "$config" --no-build --filter "FullyQualifiedName~Bitten.Host.Tests.Faults" \
  --logger "trx;LogFileName=faults.trx" --results-directory "$trx_dir" --logger "console;verbosity=normal"
status=$?
set -e

python3 - "$trx_dir/faults.trx" "$out" <<'PY'
import json, os, platform, re, subprocess, sys, xml.etree.ElementTree as ET
trx, out = sys.argv[1], sys.argv[2]
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(trx).getroot()
def seconds(d):
    h, m, s = d.split(":")
    return round(int(h) * 3600 + int(m) * 60 + float(s), 1)
faults = []
for r in root.iterfind(".//t:UnitTestResult", ns):
    text = "".join(r.itertext())
    entry = {"test": r.get("testName").replace("Bitten.Host.Tests.Faults.", ""), "outcome": r.get("outcome"),
             "duration_s": seconds(r.get("duration", "0:0:0"))}
    ms = [int(x) for x in re.findall(r"EA accepted again (\d+) ms", text)]
    if ms:
        entry["ea_reconnect_ms"] = ms
    m = re.search(r"(\d+) fires refused during a ([\d.]+) s cut \(stale after ([\d.]+) s\)", text)
    if m:
        entry["cut"] = {"refused_fires": int(m.group(1)), "cut_s": float(m.group(2)), "stale_after_s": float(m.group(3))}
    faults.append(entry)
faults.sort(key=lambda e: e["test"])
load = open("/proc/loadavg").read().split()[:3]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
doc = {
    "benchmark": "faults",
    "command": "bash bench/faults/run.sh",
    "machine": {"cpu": cpu, "cores": os.cpu_count(), "load_average_at_end": load, "kernel": platform.release()},
    "settings": {k: os.environ[k] for k in sorted(os.environ) if k.startswith("BITTEN_FAULT_")},
    "disk_full_method": "tmpfs of 48 MiB mounted on the data directory, filled to the last byte (real ENOSPC -> SQLITE_FULL)",
    "passed": sum(1 for f in faults if f["outcome"] == "Passed"),
    "failed": sum(1 for f in faults if f["outcome"] != "Passed"),
    "faults": faults,
}
json.dump(doc, open(out, "w"), indent=2)
print(f"wrote {out}: {doc['passed']} passed, {doc['failed']} failed")
PY
exit $status
