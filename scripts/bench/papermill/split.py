"""The paper-mill article's data protocol, exactly as /work/shared/peers/papermill.py does it (labels shifted 2
rows earlier, event rows dropped, time/x28/x61 dropped, train_test_split 80/20 then 80/20 with random_state=123),
written as train.csv, valid.csv, test.csv (features then y) for the Java check. With LAGS > 0 each row also gets
the differences x(t) - x(t-k), k = 1..LAGS, computed on the time-ordered table before any row is dropped
(windowed inputs); the first rows, which have no history, get 0, so that every LAGS splits the very rows the
peer splits (the same test rows and positives).  usage: split.py DATA.csv.gz OUT_DIR [LAGS=0]"""
import sys, os, pandas as pd
from sklearn.model_selection import train_test_split
src, out = sys.argv[1], sys.argv[2]; lags = int(sys.argv[3]) if len(sys.argv) > 3 else 0
df = pd.read_csv(src)
feats = [c for c in df.columns if c not in ("time", "y", "x28", "x61")]
if lags:
    extra = {f"{c}_d{k}": df[c] - df[c].shift(k) for k in range(1, lags + 1) for c in feats}
    df = pd.concat([df, pd.DataFrame(extra).fillna(0)], axis=1)
def curve_shift(df, shift_by=-2):
    v = df.y.copy()
    for s in range(abs(shift_by)):
        v = v + df.y.shift(-(s + 1)).fillna(0)
    df = df.copy(); df.insert(0, "ytmp", v); df = df.drop(df[df.y == 1].index).drop(columns="y").rename(columns={"ytmp": "y"})
    df.loc[df.y > 0, "y"] = 1; return df
df = curve_shift(df).drop(columns=["time", "x28", "x61"])
tr, te = train_test_split(df, test_size=0.2, random_state=123); tr, va = train_test_split(tr, test_size=0.2, random_state=123)
os.makedirs(out, exist_ok=True)
for name, d in [("train", tr), ("valid", va), ("test", te)]:
    cols = [c for c in d.columns if c != "y"] + ["y"]
    d[cols].to_csv(f"{out}/{name}.csv", index=False)
print(f"split: train {len(tr)} ({int(tr.y.sum())} pos), valid {len(va)} ({int(va.y.sum())} pos), test {len(te)} ({int(te.y.sum())} pos), {len(df.columns) - 1} features")
