"""imbalanced-learn 0.10's four imbalance ensembles on rareclass's own folds: reads results.json (its "splits": test
row numbers), loads the same table with pandas, and for each fold fits BalancedRandomForestClassifier,
BalancedBaggingClassifier, EasyEnsembleClassifier and RUSBoostClassifier with their defaults (random_state=SEED,
n_jobs=1: the machine's two cores are shared) on the training rows, prepared as rareclass prepares them by default
(numeric columns standard-scaled on the training rows, categorical ones one-hot; trees do not need the scaling, it
only keeps both sides' inputs the same), then average_precision_score on the test rows.
Prints one line per ensemble: kind pr_auc_mean pr_auc_fold_std fit_seconds_total.
Usage: python3 python_same_folds.py DATA RESULTS_JSON LABEL_INDEX POSITIVE HEADER(0/1) CATEGORICAL_INDICES(comma or -) SEED"""
import json, sys, time, warnings
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.metrics import average_precision_score
from imblearn.ensemble import (BalancedRandomForestClassifier, BalancedBaggingClassifier, EasyEnsembleClassifier,
                               RUSBoostClassifier)

warnings.filterwarnings("ignore", category=FutureWarning)  # imblearn 0.10 announces 0.13's default changes
data, results, label, positive, header, cats, seed = sys.argv[1:8]
seed = int(seed)
df = pd.read_csv(data, header=0 if header == "1" else None, dtype=str, skipinitialspace=True)
label = int(label)
y = df.iloc[:, label].str.strip().isin(positive.split(",")).astype(int).to_numpy()
X = df.drop(columns=df.columns[label])
cat_idx = [] if cats == "-" else [int(c) if int(c) < label else int(c) - 1 for c in cats.split(",")]
num_idx = [i for i in range(X.shape[1]) if i not in cat_idx]
for i in num_idx:
    X.iloc[:, i] = pd.to_numeric(X.iloc[:, i])
X = X.to_numpy(dtype=object)
splits = [np.array(s["test_rows"]) - 1 for s in json.load(open(results))["splits"]]


def encode(train, test):
    onehot = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
    ct = ColumnTransformer([("num", StandardScaler(), num_idx)] + ([("cat", onehot, cat_idx)] if cat_idx else []))
    return ct.fit_transform(train), ct.transform(test)


models = {
    "balanced-random-forest": lambda: BalancedRandomForestClassifier(random_state=seed, n_jobs=1),
    "balanced-bagging": lambda: BalancedBaggingClassifier(random_state=seed, n_jobs=1),
    "easy-ensemble": lambda: EasyEnsembleClassifier(random_state=seed, n_jobs=1),
    "rus-boost": lambda: RUSBoostClassifier(random_state=seed),
}
for name, make in models.items():
    ap, fit = [], 0.0
    for test in splits:
        train = np.setdiff1d(np.arange(len(y)), test)
        xtr, xte = encode(X[train], X[test])
        started = time.perf_counter()
        model = make().fit(xtr, y[train])
        fit += time.perf_counter() - started
        ap.append(average_precision_score(y[test], model.predict_proba(xte)[:, 1]))
    print(f"{name} {np.mean(ap):.6f} {np.std(ap):.6f} {fit:.3f}")
