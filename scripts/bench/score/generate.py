"""A predictions file as `rareclass predict` writes it (row,y,p,predicted): 1.5% positives, scores of 4 decimals
(so with ties), seeded. Usage: generate.py ROWS OUT.csv"""
import sys

import numpy as np

n, out = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(7)
y = (rng.random(n) < 0.015).astype(int)
p = np.clip(rng.normal(0.2 + 0.4 * y, 0.15), 0, 1).round(4)
with open(out, "w") as f:
    f.write("row,y,p,predicted\n")
    f.writelines(f"{i},{a},{b:.4f},{int(b >= 0.5)}\n" for i, (a, b) in enumerate(zip(y, p)))
