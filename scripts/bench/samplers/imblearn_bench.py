"""Time one imbalanced-learn sampler: python3 imblearn_bench.py SAMPLER IN.csv OUT.csv"""
import sys
import time

t0 = time.perf_counter()
import pandas as pd
from imblearn.over_sampling import ADASYN, SMOTE, BorderlineSMOTE
from imblearn.under_sampling import NearMiss

name, src, dst = sys.argv[1:4]
samplers = {
    "smote": lambda: SMOTE(random_state=42),
    "borderline-smote-1": lambda: BorderlineSMOTE(kind="borderline-1", random_state=42),
    "adasyn": lambda: ADASYN(random_state=42),
    "near-miss-1": lambda: NearMiss(version=1),
}
df = pd.read_csv(src)
y = df.pop("y").to_numpy()
X = df.to_numpy()
s0 = time.perf_counter()
Xr, yr = samplers[name]().fit_resample(X, y)
s1 = time.perf_counter()
out = pd.DataFrame(Xr, columns=df.columns)
out["y"] = yr
out.to_csv(dst, index=False)
t1 = time.perf_counter()
print(f"sampler_s={s1 - s0:.3f} total_s={t1 - t0:.3f} rows_out={len(yr)}")
