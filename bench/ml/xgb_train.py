#!/usr/bin/python3
"""Trains Debian's XGBoost (python3-xgboost) on the exported CSVs with the parameters in params.json,
single-threaded, and writes held-out AUC, log-loss and training time per dataset to <work>/xgb.json.

usage: xgb_train.py <work>
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb


def load(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    split = np.loadtxt(path, delimiter=",", skiprows=1, usecols=0, dtype=str)
    values = np.genfromtxt(path, delimiter=",", skip_header=1, usecols=range(1, len(header)), dtype=np.float32,
                           missing_values="nan", filling_values=np.nan)
    y, x = values[:, 0], values[:, 1:]
    return {name: (x[split == name], y[split == name]) for name in ("train", "valid", "test")}


def auc(scores, labels):
    # Mann-Whitney with ties counted half (the same definition as ours)
    order = np.argsort(scores, kind="mergesort")
    s, l = scores[order], labels[order]
    ranks = np.empty(len(s))
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[i:j + 1] = (i + j) / 2.0 + 1
        i = j + 1
    pos = l.sum()
    neg = len(l) - pos
    return float((ranks[l > 0.5].sum() - pos * (pos + 1) / 2) / (pos * neg))


def log_loss(p, y):
    p = np.clip(p, 1e-15, 1 - 1e-15)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def main(work):
    params = json.load(open(f"{work}/params.json"))
    out = {"version": f"xgboost {xgb.__version__} (Debian python3-xgboost), tree_method=hist, nthread=1"}
    for name, p in params.items():
        data = load(f"{work}/{name}.csv")
        xtr, ytr = data["train"]
        xte, yte = data["test"]
        booster_params = {
            "objective": "binary:logistic", "tree_method": "hist", "nthread": 1, "max_depth": p["max_depth"],
            "eta": p["eta"], "lambda": p["lambda"], "min_child_weight": p["min_child_weight"], "max_bin": p["max_bin"],
            "subsample": 1.0, "colsample_bytree": 1.0, "base_score": float(ytr.mean()), "seed": 42,
        }
        times = []
        booster = None
        for _ in range(3):
            start = time.perf_counter()
            dtrain = xgb.DMatrix(xtr, label=ytr, missing=np.nan, nthread=1)
            booster = xgb.train(booster_params, dtrain, num_boost_round=p["rounds"])
            times.append(time.perf_counter() - start)
        prob = booster.predict(xgb.DMatrix(xte, missing=np.nan, nthread=1))
        out[name] = {
            "auc": round(auc(prob, yte), 5),
            "log_loss": round(log_loss(prob, yte), 5),
            "train_seconds_median_of_3": round(sorted(times)[1], 4),
            "train_seconds_runs": [round(t, 4) for t in times],
            "timed": "DMatrix construction + xgb.train (quantile sketch included, as ours includes binning)",
        }
        print(f"{name}: XGBoost AUC {out[name]['auc']} log-loss {out[name]['log_loss']} train {out[name]['train_seconds_median_of_3']} s")
    json.dump(out, open(f"{work}/xgb.json", "w"), indent=2)


if __name__ == "__main__":
    main(sys.argv[1])
