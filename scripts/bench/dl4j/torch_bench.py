"""PyTorch peer of MlpBench: same data (CSV, standardized with pandas), architecture, optimizer, batch and
epochs as /work/shared/peers/torch_train.py, with per-epoch timings. Prints one JSON line.

usage: torch_bench.py CSV CONFIG EPOCHS   (CONFIG a: 16-16-1 tanh, batch 64; b: 256-256-256-1 relu, dropout 0.3, batch 2048)
"""
import json, sys, time
t_start = time.perf_counter()
import numpy as np, pandas as pd, torch

src, config, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3])
threads = int(sys.argv[4]) if len(sys.argv) > 4 else torch.get_num_threads()
torch.set_num_threads(threads)
d = pd.read_csv(src); y = torch.tensor(d.pop("y").values, dtype=torch.float32).unsqueeze(1)
x = torch.tensor(((d - d.mean()) / d.std()).values, dtype=torch.float32); n, k = x.shape
torch.manual_seed(0)
if config == "a":
    net = torch.nn.Sequential(torch.nn.Linear(k, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
    bs = 64
else:
    layers, w = [], k
    for _ in range(3):
        layers += [torch.nn.Linear(w, 256), torch.nn.ReLU(), torch.nn.Dropout(0.3)]; w = 256
    net = torch.nn.Sequential(*layers, torch.nn.Linear(w, 1))
    bs = 2048
opt = torch.optim.Adam(net.parameters(), 1e-3); lf = torch.nn.BCEWithLogitsLoss()
t_data = time.perf_counter()
epoch_s = []
for e in range(epochs):
    t0 = time.perf_counter()
    perm = torch.randperm(n)
    for i in range(0, n, bs):
        idx = perm[i:i + bs]; opt.zero_grad(); lf(net(x[idx]), y[idx]).backward(); opt.step()
    epoch_s.append(time.perf_counter() - t0)
steps = epochs * ((n + bs - 1) // bs)
print(json.dumps({"impl": "torch", "config": config, "threads": threads, "rows": n, "epochs": epochs, "steps": steps,
                  "load_s": t_data - t_start, "train_s": sum(epoch_s), "epoch_s": epoch_s,
                  "ms_per_step": 1000 * sum(epoch_s) / steps, "in_process_s": time.perf_counter() - t_start}))
