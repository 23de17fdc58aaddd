"""What `rareclass score FILE --label y --score p` computes, as a scikit-learn user would: pandas reads the file, then
average precision, ROC AUC, MCC, F1, precision, recall, balanced accuracy, the confusion matrix and the
classification report at threshold 0.5 (no bootstrap intervals: scikit-learn has none). Usage: score.py FILE"""
import sys
import time

t0 = time.time()
import pandas as pd
from sklearn import metrics as m

df = pd.read_csv(sys.argv[1])
y, p = df["y"].to_numpy(), df["p"].to_numpy()
pred = (p >= 0.5).astype(int)
print(dict(pr_auc=m.average_precision_score(y, p), roc_auc=m.roc_auc_score(y, p), mcc=m.matthews_corrcoef(y, pred),
           f1=m.f1_score(y, pred), precision=m.precision_score(y, pred), recall=m.recall_score(y, pred),
           balanced_accuracy=m.balanced_accuracy_score(y, pred), confusion=m.confusion_matrix(y, pred).ravel().tolist()))
print(m.classification_report(y, pred))
print("seconds", round(time.time() - t0, 2))
