"""The Python stack on rareclass's own folds: reads results.json (its "splits": test row numbers), loads the
same table with pandas, and cross-validates logistic regression and a random forest (100 trees), each without
and with SMOTE (SMOTENC when there are categorical columns), one-hot and scaling fitted on training folds.
Prints one line per configuration: model sampler pr_auc_mean.
With GROUP "boosting" it cross-validates gradient boosting instead, without a sampler, each with its defaults:
XGBoost's XGBClassifier (tree_method='hist', n_jobs=2), scikit-learn's HistGradientBoostingClassifier and
GradientBoostingClassifier, the counterparts of rareclass's gradient-boosting@xgboost, @xgboost with max-nodes=31
max-depth=0 learning-rate=0.1, and @smile.
Usage: python3 python_same_folds.py DATA RESULTS_JSON LABEL_INDEX POSITIVE HEADER(0/1) CATEGORICAL_INDICES(comma or -) [SEED [GROUP]]"""
import os, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score
from imblearn.over_sampling import SMOTE, SMOTENC, SMOTEN
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from same_folds import read_table, test_rows, encode

data, results, label, positive, header, cats = sys.argv[1:7]
seed = int(sys.argv[7]) if len(sys.argv) > 7 else 0  # random_state of SMOTE and the forest
group = sys.argv[8] if len(sys.argv) > 8 else "baseline"
X, y, num_idx, cat_idx = read_table(data, label, positive, header, cats)
splits = test_rows(results)

if group == "boosting":
    from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier
    import xgboost
    models = {"hist-gradient-boosting": lambda: HistGradientBoostingClassifier(random_state=seed),
              "gradient-boosting": lambda: GradientBoostingClassifier(random_state=seed),
              "xgboost": lambda: xgboost.XGBClassifier(tree_method="hist", n_jobs=2, random_state=seed)}
    samplers = ["none"]
else:
    models = {"logistic": lambda: LogisticRegression(max_iter=3000), "random-forest": lambda: RandomForestClassifier(100, n_jobs=2, random_state=seed)}
    samplers = ["none", "smote"]
for name, make in models.items():
    for sampler in samplers:
        ap = []
        for test in splits:
            train = np.setdiff1d(np.arange(len(y)), test)
            xtr_raw, ytr = X[train], y[train]
            if sampler == "smote":
                if cat_idx and not num_idx:
                    xtr_raw, ytr = SMOTEN(random_state=seed).fit_resample(xtr_raw, ytr)
                elif cat_idx:
                    xtr_raw, ytr = SMOTENC(categorical_features=cat_idx, random_state=seed).fit_resample(xtr_raw, ytr)
                else:
                    xtr_raw, ytr = SMOTE(random_state=seed).fit_resample(xtr_raw.astype(float), ytr)
            xtr, xte = encode(xtr_raw, X[test], num_idx, cat_idx)
            s = make().fit(xtr, ytr).predict_proba(xte)[:, 1]
            ap.append(average_precision_score(y[test], s))
        print(f"{name} {sampler} {np.mean(ap):.4f}")
