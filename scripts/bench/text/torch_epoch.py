"""Per-epoch time of the PyTorch peer's MLP (polarity.py: multi-hot top-N words, 16-16 relu, rmsprop, batch 512),
on the first of its 5 folds; the dense rows x N tensor is built once before timing, as polarity.py does."""
import sys, time, json, numpy as np, torch
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.model_selection import StratifiedKFold
D, N, E = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pos = open(f"{D}/rt-polarity.pos", encoding="latin-1").read().splitlines(); neg = open(f"{D}/rt-polarity.neg", encoding="latin-1").read().splitlines()
txt = np.array(pos + neg, dtype=object); y = np.array([1] * len(pos) + [0] * len(neg))
tr, te = next(StratifiedKFold(5, shuffle=True, random_state=0).split(txt, y))
t0 = time.perf_counter(); v = CountVectorizer(max_features=N, binary=True).fit(txt[tr]); Xtr = v.transform(txt[tr]); vec_s = time.perf_counter() - t0
torch.manual_seed(0); xt = torch.tensor(Xtr.toarray(), dtype=torch.float32); yt = torch.tensor(y[tr], dtype=torch.float32).unsqueeze(1)
net = torch.nn.Sequential(torch.nn.Linear(xt.shape[1], 16), torch.nn.ReLU(), torch.nn.Linear(16, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
opt = torch.optim.RMSprop(net.parameters(), 1e-3); lf = torch.nn.BCEWithLogitsLoss(); times = []
for ep in range(E):
    t = time.perf_counter(); perm = torch.randperm(len(xt))
    for i in range(0, len(xt), 512):
        idx = perm[i:i + 512]; opt.zero_grad(); lf(net(xt[idx]), yt[idx]).backward(); opt.step()
    times.append(time.perf_counter() - t)
print(json.dumps({"impl": "torch-dense", "threads": torch.get_num_threads(), "words": N, "epoch_s": sum(times) / E,
                  "epoch_s_each": [round(t, 4) for t in times], "vectorize_s": vec_s}))
