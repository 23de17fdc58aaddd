"""scikit-learn's side of the explain cross-check: RandomForestClassifier(100 trees, seed 0) behind a StandardScaler
(as rareclass scales by default; trees do not care), fitted on the training part, then permutation_importance on the
test part with scoring='average_precision', n_repeats=5, random_state=42. Prints 'column,mean,std', most important
first. Usage: peer.py TRAIN.csv TEST.csv LABEL POSITIVE"""
import sys
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

train_csv, test_csv, label, positive = sys.argv[1:5]
train = pd.read_csv(train_csv)
test = pd.read_csv(test_csv)
def xy(df):
    y = (df[label].astype(str) == positive).astype(int)
    return df.drop(columns=[label]), y
x_train, y_train = xy(train)
x_test, y_test = xy(test)
model = make_pipeline(StandardScaler(), RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=2))
model.fit(x_train, y_train)
result = permutation_importance(model, x_test, y_test, scoring="average_precision", n_repeats=5, random_state=42,
                                n_jobs=1)
order = result.importances_mean.argsort()[::-1]
for i in order:
    print(f"{x_test.columns[i]},{result.importances_mean[i]:.6f},{result.importances_std[i]:.6f}")
