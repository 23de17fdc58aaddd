"""Python peer of `rareclass train` / `rareclass evaluate` for the boosting benchmark, one process per step:
  python3 peer.py fit xgboost|hgb TRAIN.csv MODEL     read the CSV (pandas), fit, save the model
  python3 peer.py score MODEL TEST.csv                load the model, read the CSV, predict, print average precision
Label column y (1 = positive). Parameters as the benchmark's rareclass runs: 100 rounds, depth 6, learning rate 0.1.
  xgboost: xgboost.XGBClassifier(n_estimators=100, max_depth=6, learning_rate=0.1, tree_method='hist', n_jobs=2)
  xgboost-prior: the same with base_score = the training rows' positive share, the start XGBoost >= 2.0 (the
           JVM library rareclass uses is 3.x) estimates by itself; Debian's XGBoost 1.7 starts every model at 0.5,
           which after 100 rounds of 0.1 still shows in the ranking of a 1.5%-positive table
  hgb:     HistGradientBoostingClassifier(max_iter=100, max_depth=6, learning_rate=0.1, early_stopping=False,
           max_leaf_nodes=None) -- early stopping off, or it would hold out 10% and stop early on 200k rows; no
           leaf cap (default 31), so that depth alone bounds the trees, as in gradient-boosting@smile."""
import pickle
import sys
import time

import pandas as pd


def read(path):
    frame = pd.read_csv(path)
    return frame.drop(columns=["y"]).to_numpy(), frame["y"].to_numpy()


def fit(kind, train_path, model_path):
    t0 = time.perf_counter()
    X, y = read(train_path)
    t1 = time.perf_counter()
    if kind in ("xgboost", "xgboost-prior"):
        import xgboost
        prior = {"base_score": float(y.mean())} if kind == "xgboost-prior" else {}
        model = xgboost.XGBClassifier(n_estimators=100, max_depth=6, learning_rate=0.1, tree_method="hist", n_jobs=2,
                                      **prior)
        model.fit(X, y)
        model.save_model(model_path)            # XGBoost's own format (JSON, or UBJSON for a .ubj name)
    elif kind == "hgb":
        from sklearn.ensemble import HistGradientBoostingClassifier
        model = HistGradientBoostingClassifier(max_iter=100, max_depth=6, learning_rate=0.1, early_stopping=False,
                                               max_leaf_nodes=None)
        model.fit(X, y)
        with open(model_path, "wb") as out:
            pickle.dump(model, out)
    else:
        raise SystemExit(f"unknown kind {kind}")
    t2 = time.perf_counter()
    print(f"kind={kind} rows={len(y)} read_s={t1 - t0:.3f} fit_save_s={t2 - t1:.3f}")


def score(model_path, test_path):
    from sklearn.metrics import average_precision_score
    if model_path.endswith((".json", ".ubj")):
        import xgboost
        model = xgboost.XGBClassifier()
        model.load_model(model_path)
    else:
        with open(model_path, "rb") as src:
            model = pickle.load(src)
    X, y = read(test_path)
    p = model.predict_proba(X)[:, 1]
    print(f"rows={len(y)} pr_auc={average_precision_score(y, p):.6f}")


if __name__ == "__main__":
    if sys.argv[1] == "fit":
        fit(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)
