"""Writes a synthetic rare-class CSV: ROWS x COLS Gaussian features, label column y (about 5% positive)."""
import sys
import numpy as np

out, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(42)
y = (rng.random(rows) < 0.05).astype(np.int64)
x = rng.standard_normal((rows, cols)) + 0.5 * y[:, None] * (rng.random(cols) < 0.5)
header = ",".join([f"f{i}" for i in range(cols)] + ["y"])
with open(out, "w") as f:
    f.write(header + "\n")
    np.savetxt(f, np.column_stack([x, y]), delimiter=",", fmt=["%.6f"] * cols + ["%d"])
