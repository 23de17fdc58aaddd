"""A 1,000,000 x 31 numeric CSV: 30 features f0..f29 and a 0/1 label y with 1.5% positives (seed 42)."""
import sys
import numpy as np

rows, features = 1_000_000, 30
rng = np.random.default_rng(42)
y = (rng.random(rows) < 0.015).astype(np.int8)
x = rng.standard_normal((rows, features)) + y[:, None] * 0.5
header = ",".join([f"f{i}" for i in range(features)] + ["y"])
with open(sys.argv[1], "w") as out:
    out.write(header + "\n")
    for start in range(0, rows, 100_000):
        block = x[start:start + 100_000]
        lines = [",".join(f"{v:.6f}" for v in row) + f",{label}" for row, label in zip(block, y[start:start + 100_000])]
        out.write("\n".join(lines) + "\n")
