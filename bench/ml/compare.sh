#!/usr/bin/env bash
# The ML filter against Debian's XGBoost (issue #12) → bench/results/ml-vs-xgboost.json
#   bench/ml/compare.sh            accuracy + training time (a few minutes on 2 busy cores)
#   bench/ml/compare.sh --inference  also the BenchmarkDotNet inference benchmark (adds ~2 minutes)
# Needs Debian's /usr/bin/python3 with python3-xgboost (apt-get install -y python3-xgboost), python3-numpy, ../shared/data/fx.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${ML_BENCH_WORK:-$(mktemp -d -t bitten-ml-XXXXXX)}"
mkdir -p "$work"
# The same parameters for both libraries (no row/column subsampling, no early stopping: like for like).
cat > "$work/params.json" <<'JSON'
{
  "synthetic": { "rounds": 200, "max_depth": 6, "eta": 0.1, "lambda": 1.0, "min_child_weight": 1.0, "max_bin": 256 },
  "fx": { "rounds": 150, "max_depth": 3, "eta": 0.05, "lambda": 1.0, "min_child_weight": 1.0, "max_bin": 256 }
}
JSON
dotnet build -c Release bench/Bitten.Bench.Ml -v q -nologo
bench=(dotnet bench/Bitten.Bench.Ml/bin/Release/net10.0/Bitten.Bench.Ml.dll)
"${bench[@]}" export "$work"
/usr/bin/python3 bench/ml/xgb_train.py "$work"
"${bench[@]}" compare "$work"
if [[ "${1:-}" == "--inference" ]]; then
  "${bench[@]}" inference --filter '*' --inProcess --exporters json --artifacts "$work/BenchmarkDotNet.Artifacts"
  /usr/bin/python3 bench/ml/record_inference.py "$work" bench/results/ml-vs-xgboost.json
fi
echo "work files in $work"
