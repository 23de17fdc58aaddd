"""imbalanced-learn 0.10's four imbalance ensembles on rareclass's own folds: reads results.json (its "splits": test
row numbers), loads the same table with pandas, and for each fold fits BalancedRandomForestClassifier,
BalancedBaggingClassifier, EasyEnsembleClassifier and RUSBoostClassifier with their defaults (random_state=SEED,
n_jobs=1: the machine's two cores are shared) on the training rows, prepared as rareclass prepares them by default
(numeric columns standard-scaled on the training rows, categorical ones one-hot; trees do not need the scaling, it
only keeps both sides' inputs the same), then average_precision_score on the test rows.
Prints one line per ensemble: kind pr_auc_mean pr_auc_fold_std fit_seconds_total.
Usage: python3 python_same_folds.py DATA RESULTS_JSON LABEL_INDEX POSITIVE HEADER(0/1) CATEGORICAL_INDICES(comma or -) SEED"""
import os, sys, time, warnings
import numpy as np
from sklearn.metrics import average_precision_score
from imblearn.ensemble import (BalancedRandomForestClassifier, BalancedBaggingClassifier, EasyEnsembleClassifier,
                               RUSBoostClassifier)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from same_folds import read_table, test_rows, encode

warnings.filterwarnings("ignore", category=FutureWarning)  # imblearn 0.10 announces 0.13's default changes
data, results, label, positive, header, cats, seed = sys.argv[1:8]
seed = int(seed)
X, y, num_idx, cat_idx = read_table(data, label, positive, header, cats)
splits = test_rows(results)

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
        xtr, xte = encode(X[train], X[test], num_idx, cat_idx)
        started = time.perf_counter()
        model = make().fit(xtr, y[train])
        fit += time.perf_counter() - started
        ap.append(average_precision_score(y[test], model.predict_proba(xte)[:, 1]))
    print(f"{name} {np.mean(ap):.6f} {np.std(ap):.6f} {fit:.3f}")
