"""Seeded train and test tables for the boosting benchmark:
python3 gen.py TRAIN_ROWS TEST_ROWS TRAIN.csv TEST.csv [SEED]
30 standard-normal features x0..x29 and a 0/1 label y with 1.5% positives. Positives are shifted by +0.8 on
x0..x4 and by a product term on x5, x6 (x5*x6 > 0 more often), so that trees have both additive and interaction
structure to find. Both files come from one generator and one seed: the test rows are the rows after the
training rows, drawn the same way."""
import sys
import numpy as np

n_train, n_test, train_path, test_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 20261205
n = n_train + n_test
rng = np.random.default_rng(seed)
y = (rng.random(n) < 0.015).astype(np.int64)
X = rng.standard_normal((n, 30))
pos = y == 1
X[pos, :5] += 0.8
X[pos, 6] = np.abs(X[pos, 6]) * np.sign(X[pos, 5])   # positives: x5 and x6 share their sign
header = ",".join([f"x{i}" for i in range(30)] + ["y"])
fmt = ["%.6f"] * 30 + ["%d"]
for path, rows in ((train_path, slice(0, n_train)), (test_path, slice(n_train, n))):
    np.savetxt(path, np.column_stack([X[rows], y[rows]]), delimiter=",", header=header, comments="", fmt=fmt)
