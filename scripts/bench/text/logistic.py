"""rt-polarity as rareclass reads it (UTF-8, other bytes as Latin-1; lines stripped, blank ones skipped), a binary bag of
the 10,000 most frequent words (CountVectorizer(binary=True, max_features=10000), fitted per fold) and scikit-learn's
LogisticRegression() (C=1, lbfgs): stratified 5-fold average precision, and the seconds of the 5 folds and of one fit
on every row (vectorizer included); given rareclass's compare results.json (its folds' test rows), also the average
precision of each of those folds, for a same-folds comparison. Prints one JSON line.
usage: logistic.py DATASET_DIR [RESULTS_JSON]"""
import codecs, json, re, sys, time
import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import StratifiedKFold


def as_latin1(err):  # rareclass reads each byte that is not UTF-8 as Latin-1
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("as_latin1", as_latin1)


def sentences(path):
    text = open(path, "rb").read().decode("utf-8", errors="as_latin1")
    # lines end at \r\n, \n or \r only (str.splitlines also ends them at U+0085, which these files hold)
    return [s.strip() for s in re.split(r"\r\n|\n|\r", text) if s.strip()]


D = sys.argv[1]
pos, neg = sentences(f"{D}/rt-polarity.pos"), sentences(f"{D}/rt-polarity.neg")
txt = np.array(pos + neg, dtype=object)
y = np.array([1] * len(pos) + [0] * len(neg))
t0 = time.perf_counter()
aps = []
for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(txt, y):
    v = CountVectorizer(binary=True, max_features=10000).fit(txt[tr])
    m = LogisticRegression(max_iter=1000).fit(v.transform(txt[tr]), y[tr])
    aps.append(average_precision_score(y[te], m.predict_proba(v.transform(txt[te]))[:, 1]))
folds_s = time.perf_counter() - t0
t0 = time.perf_counter()
v = CountVectorizer(binary=True, max_features=10000).fit(txt)
LogisticRegression(max_iter=1000).fit(v.transform(txt), y)
fit_s = time.perf_counter() - t0
same = {}
if len(sys.argv) > 2:
    res = json.load(open(sys.argv[2]))
    folds = [np.array(sp["test_rows"]) - 1 for sp in res["splits"]]
    ours = [f["metrics"]["pr_auc"] for f in res["rows"][0]["folds"]]
    theirs = []
    for te in folds:
        tr = np.setdiff1d(np.arange(len(y)), te)
        v = CountVectorizer(binary=True, max_features=10000).fit(txt[tr])
        m = LogisticRegression(max_iter=1000).fit(v.transform(txt[tr]), y[tr])
        theirs.append(average_precision_score(y[te], m.predict_proba(v.transform(txt[te]))[:, 1]))
    same = {"same_folds_pr_auc": round(float(np.mean(theirs)), 4), "same_folds_rareclass_pr_auc": round(float(np.mean(ours)), 4),
            "same_folds_max_abs_diff": round(float(np.max(np.abs(np.array(theirs) - np.array(ours)))), 4)}
print(json.dumps({"impl": "sklearn", "rows": len(y), "words": len(v.vocabulary_), "cv5_pr_auc": round(float(np.mean(aps)), 4),
                  "cv5_pr_auc_std": round(float(np.std(aps, ddof=1)), 4), "cv5_s": round(folds_s, 2), "one_fit_s": round(fit_s, 2), **same}))
