"""What the Python sides of the same-folds benchmarks (quality/ and ensembles/python_same_folds.py) share: the table
read as rareclass reads it, rareclass's folds from its results.json, and the preparation rareclass applies by default
(numeric columns standard-scaled, categorical ones one-hot, both fitted on the training rows)."""
import json
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import StandardScaler, OneHotEncoder


def read_table(data, label, positive, header, cats):
    """The table at DATA as (X, y, num_idx, cat_idx): X the feature columns as an object array (numeric ones parsed),
    y 1 where the label column (index LABEL) holds one of POSITIVE's comma-separated values ("3,4": several) and 0
    elsewhere, and the indices in X of the numeric and of the categorical columns. HEADER is "1" when the first line
    names the columns; CATS the categorical columns' indices in the file, comma-separated, or "-"."""
    df = pd.read_csv(data, header=0 if header == "1" else None, dtype=str, skipinitialspace=True)
    label = int(label)
    y = df.iloc[:, label].str.strip().isin(positive.split(",")).astype(int).to_numpy()
    X = df.drop(columns=df.columns[label])
    cat_idx = [] if cats == "-" else [int(c) if int(c) < label else int(c) - 1 for c in cats.split(",")]
    num_idx = [i for i in range(X.shape[1]) if i not in cat_idx]
    for i in num_idx:
        X.iloc[:, i] = pd.to_numeric(X.iloc[:, i])
    return X.to_numpy(dtype=object), y, num_idx, cat_idx


def test_rows(results):
    """Each of rareclass's splits' test rows (0-based), from its results.json."""
    return [np.array(s["test_rows"]) - 1 for s in json.load(open(results))["splits"]]


def encode(train, test, num_idx, cat_idx):
    """The training and test rows prepared with a scaler and one-hot encoder fitted on the training rows."""
    if "sparse_output" in OneHotEncoder().get_params():
        onehot = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
    else:  # scikit-learn before 1.2
        onehot = OneHotEncoder(handle_unknown="ignore", sparse=False)
    ct = ColumnTransformer([("num", StandardScaler(), num_idx)] + ([("cat", onehot, cat_idx)] if cat_idx else []))
    return ct.fit_transform(train), ct.transform(test)
