"""The Python stack on rareclass's own folds: reads results.json (its "splits": test row numbers), loads the
same table with pandas, and cross-validates logistic regression and a random forest (100 trees), each without
and with SMOTE (SMOTENC when there are categorical columns), one-hot and scaling fitted on training folds.
Prints one line per configuration: model sampler pr_auc_mean.
With GROUP "boosting" it cross-validates gradient boosting instead, without a sampler, each with its defaults:
XGBoost's XGBClassifier (tree_method='hist', n_jobs=2), scikit-learn's HistGradientBoostingClassifier and
GradientBoostingClassifier, the counterparts of rareclass's gradient-boosting@xgboost, @xgboost with max-nodes=31
max-depth=0 learning-rate=0.1, and @smile.
Usage: python3 python_same_folds.py DATA RESULTS_JSON LABEL_INDEX POSITIVE HEADER(0/1) CATEGORICAL_INDICES(comma or -) [SEED [GROUP]]"""
import json, sys
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score
from imblearn.over_sampling import SMOTE, SMOTENC, SMOTEN

data, results, label, positive, header, cats = sys.argv[1:7]
seed = int(sys.argv[7]) if len(sys.argv) > 7 else 0  # random_state of SMOTE and the forest
group = sys.argv[8] if len(sys.argv) > 8 else "baseline"
df = pd.read_csv(data, header=0 if header == "1" else None, dtype=str, skipinitialspace=True)
label = int(label)
y = df.iloc[:, label].str.strip().isin(positive.split(",")).astype(int).to_numpy()  # "3,4": several positive values
X = df.drop(columns=df.columns[label])
cat_idx = [] if cats == "-" else [int(c) if int(c) < label else int(c) - 1 for c in cats.split(",")]
num_idx = [i for i in range(X.shape[1]) if i not in cat_idx]
for i in num_idx:
    X.iloc[:, i] = pd.to_numeric(X.iloc[:, i])
X = X.to_numpy(dtype=object)
splits = [np.array(s["test_rows"]) - 1 for s in json.load(open(results))["splits"]]

def encode(train, test):
    ct = ColumnTransformer([("num", StandardScaler(), num_idx)] + ([("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False) if "sparse_output" in OneHotEncoder().get_params() else OneHotEncoder(handle_unknown="ignore", sparse=False), cat_idx)] if cat_idx else []))
    return ct.fit_transform(train), ct.transform(test), ct

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
            xtr, xte, _ = encode(xtr_raw, X[test])
            s = make().fit(xtr, ytr).predict_proba(xte)[:, 1]
            ap.append(average_precision_score(y[test], s))
        print(f"{name} {sampler} {np.mean(ap):.4f}")
