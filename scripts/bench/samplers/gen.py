"""Write a seeded table: python3 gen.py ROWS OUT.csv — 30 standard-normal features, 1.5% positives
whose first 5 features are shifted by +1 (overlapping classes), label column y."""
import sys
import numpy as np

n, dst = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(20240601 + n)
y = (rng.random(n) < 0.015).astype(int)
X = rng.standard_normal((n, 30))
X[y == 1, :5] += 1.0
header = ",".join([f"x{i}" for i in range(30)] + ["y"])
np.savetxt(dst, np.column_stack([X, y]), delimiter=",", header=header, comments="",
           fmt=["%.6f"] * 30 + ["%d"])
