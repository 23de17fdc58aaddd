"""The Python stack (scikit-learn + imbalanced-learn) on a rareclass run's own folds: reads the run's results.json
("splits": each split's test row numbers, 1-based data rows), loads the same table with pandas and, per split,
fits on the other rows: standardisation -> optional SelectKBest (ANOVA F) -> optional sampler -> model, as
rareclass's pipeline does. Scores the test rows at threshold 0.5 (accuracy, recall) and threshold-free
(PR-AUC, ROC-AUC). Prints one line per configuration:
    model sampler class_weight pr_auc roc_auc accuracy recall
Usage: python3 peer_same_folds.py RESULTS_JSON DATA LABEL POSITIVE [--no-header] [--drop A,B] [--top-k K]
       [--models logistic,random-forest,mlp-sigmoid] [--samplers none,smote,borderline-smote-1]
       [--class-weights none,balanced]"""
import argparse, json
import numpy as np, pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from imblearn.over_sampling import SMOTE, BorderlineSMOTE

a = argparse.ArgumentParser()
a.add_argument("results"); a.add_argument("data"); a.add_argument("label"); a.add_argument("positive")
a.add_argument("--no-header", action="store_true"); a.add_argument("--drop", default="")
a.add_argument("--top-k", type=int, default=0)
a.add_argument("--models", default="logistic,random-forest"); a.add_argument("--samplers", default="none")
a.add_argument("--class-weights", default="none")
o = a.parse_args()

df = pd.read_csv(o.data, header=None if o.no_header else 0, encoding="utf-8-sig", dtype=str, skipinitialspace=True)
label = df.columns[int(o.label)] if o.no_header else o.label
y = df[label].str.strip().isin(o.positive.split(",")).astype(int).to_numpy()
X = df.drop(columns=[label] + [c for c in o.drop.split(",") if c]).apply(pd.to_numeric).to_numpy(float)
splits = [np.array(s["test_rows"]) - 1 for s in json.load(open(o.results))["splits"]]

def model(name, cw):
    w = "balanced" if cw == "balanced" else None
    if name == "logistic":
        return LogisticRegression(max_iter=3000, class_weight=w)
    if name == "random-forest":
        return RandomForestClassifier(100, n_jobs=2, random_state=0, class_weight=w)
    if name == "mlp-sigmoid":  # the ionosphere recipe's network: 16-16 sigmoid, adam 0.01, early stopping
        return MLPClassifier((16, 16), activation="logistic", learning_rate_init=0.01, max_iter=500,
                             early_stopping=True, validation_fraction=0.2, n_iter_no_change=10, tol=0.001,
                             random_state=0)
    raise SystemExit("unknown model " + name)

def sampler(name):
    return {"smote": lambda: SMOTE(random_state=0),
            "borderline-smote-1": lambda: BorderlineSMOTE(random_state=0, kind="borderline-1")}[name]()

for m in o.models.split(","):
    for s in o.samplers.split(","):
        for cw in o.class_weights.split(","):
            if cw != "none" and m == "mlp-sigmoid":
                continue
            ap, auc, acc, rec = [], [], [], []
            for test in splits:
                train = np.setdiff1d(np.arange(len(y)), test)
                sc = StandardScaler().fit(X[train])
                xtr, xte, ytr = sc.transform(X[train]), sc.transform(X[test]), y[train]
                if o.top_k:
                    sel = SelectKBest(f_classif, k=min(o.top_k, X.shape[1])).fit(xtr, ytr)
                    xtr, xte = sel.transform(xtr), sel.transform(xte)
                if s != "none":
                    xtr, ytr = sampler(s).fit_resample(xtr, ytr)
                p = model(m, cw).fit(xtr, ytr).predict_proba(xte)[:, 1]
                yt = y[test]
                ap.append(average_precision_score(yt, p)); auc.append(roc_auc_score(yt, p))
                acc.append(np.mean((p >= 0.5) == yt)); rec.append(np.mean(p[yt == 1] >= 0.5))
            print(f"{m} {s} {cw} {np.mean(ap):.4f} {np.mean(auc):.4f} {np.mean(acc):.4f} {np.mean(rec):.4f}", flush=True)
