#!/usr/bin/python3
"""Copies the BenchmarkDotNet inference result (full JSON export) into bench/results/ml-vs-xgboost.json.

usage: record_inference.py <work> <results.json>
"""
import glob
import json
import sys

work, results = sys.argv[1], sys.argv[2]
report = sorted(glob.glob(f"{work}/BenchmarkDotNet.Artifacts/results/*InferenceBenchmark*-report-full*.json"))[-1]
bench = json.load(open(report))["Benchmarks"][0]
stats = bench["Statistics"]
out = json.load(open(results))
out["inference"] = {
    "benchmark": bench["FullName"],
    "tool": "BenchmarkDotNet (Release, default job)",
    "model": "300 trees of depth 4 (production defaults, no early stopping) + isotonic map, 17 features from the stored dictionary",
    "mean_us": round(stats["Mean"] / 1000, 4),
    "median_us": round(stats["Median"] / 1000, 4),
    "p95_us": round(stats["Percentiles"]["P95"] / 1000, 4),
    "allocated_bytes_per_op": bench.get("Memory", {}).get("BytesAllocatedPerOperation"),
    "goal_us_at_most": 5.0,
    "command": "bench/ml/compare.sh --inference",
}
json.dump(out, open(results, "w"), indent=2)
open(results, "a").write("\n")
print(f"inference: mean {out['inference']['mean_us']} us per signal")
