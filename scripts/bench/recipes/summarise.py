"""Markdown tables from scripts/bench/recipes/run.sh's work folder: each recipe's results.json, wall time and
its peer's output. Usage: python3 summarise.py WORK"""
import json, re, sys
from pathlib import Path

W = Path(sys.argv[1])


def results(r):
    return json.loads((W / r / "results.json").read_text())


def seconds(r):
    s = float((W / r).with_suffix(".seconds").read_text())
    return f"{int(s // 60)} min {s % 60:.0f} s" if s >= 60 else f"{s:.0f} s"


def peer(r):
    return (W / r).with_suffix(".peer").read_text()


def name(row):
    s = f"{row['model']}@{row['backend']}"
    if row["sampler"] != "none":
        s += f" + {row['sampler']}"
    if row["class_weight"] != "none":
        s += f", class weights {row['class_weight']}"
    return s


def mean_std(row, m):
    return f"{row[m + '_mean']:.3f} ± {row[m + '_std']:.3f}"


def peer_rows(r):
    """peer_same_folds.py lines: model sampler class_weight pr_auc roc_auc accuracy recall"""
    out = []
    for line in peer(r).splitlines():
        f = line.split()
        if len(f) == 7:
            out.append(dict(model=f[0], sampler=f[1], cw=f[2], pr_auc=float(f[3]), roc_auc=float(f[4]),
                            accuracy=float(f[5]), recall=float(f[6])))
    return out


def peer_name(p):
    s = p["model"] + ("" if p["sampler"] == "none" else " + " + p["sampler"])
    return s + ("" if p["cw"] == "none" else ", class weights " + p["cw"])


print("| recipe | protocol | rareclass, best by the recipe's metric | article | Python stack | wall time |")
print("|---|---|---|---|---|---|")

a = results("asteroids")
best = a["rows"][0]
pb = max(peer_rows("asteroids"), key=lambda p: p["pr_auc"])
print(f"| asteroids | {a['protocol']}, top-20 features | {name(best)}: MCC {mean_std(best, 'mcc')}, PR-AUC "
      f"{mean_std(best, 'pr_auc')} | — | same folds, best {peer_name(pb)}: PR-AUC {pb['pr_auc']:.3f} "
      f"(MLP not in the peer) | {seconds('asteroids')} |")

t = results("asteroids-tune")
best = t["rows"][0]
params = ", ".join(f"{k}={v}" for k, v in best["params"].items() if k in ("init", "activation", "optimizer"))
print(f"| asteroids-tune | random search, {t['protocol']} | {params}: MCC {mean_std(best, 'mcc')} over "
      f"{len(t['rows'])} trials | — | — | {seconds('asteroids-tune')} |")

i = results("ionosphere")
best = i["rows"][0]
mlp = max((x for x in i["rows"] if x["model"] == "mlp"), key=lambda x: x["accuracy_mean"])
sig = next(x for x in i["rows"] if x["model"] == "mlp" and x["params"].get("activation") == "sigmoid")
pp = peer_rows("ionosphere")
pm = next(p for p in pp if p["model"] == "mlp-sigmoid")
pb = max(pp, key=lambda p: p["accuracy"])
print(f"| ionosphere | {i['protocol']} | {name(best)}: accuracy {mean_std(best, 'accuracy')}; best early-stopped "
      f"MLP ({mlp['params'].get('hidden')} {mlp['params'].get('activation')}) {mean_std(mlp, 'accuracy')}; "
      f"the 16-16 sigmoid MLP {mean_std(sig, 'accuracy')} | — | same folds: MLPClassifier (16-16 sigmoid, adam, early "
      f"stopping) {pm['accuracy']:.3f}; best {peer_name(pb)} {pb['accuracy']:.3f} | {seconds('ionosphere')} |")

c = results("creditcard")
best = c["rows"][0]
pb = max(peer_rows("creditcard"), key=lambda p: p["pr_auc"])
wbest = max((x for x in c["rows"] if x["class_weight"] != "none"), key=lambda x: x["recall_mean"])
print(f"| creditcard | {c['protocol']} (the subset) | {name(best)}: PR-AUC {mean_std(best, 'pr_auc')}, recall "
      f"{mean_std(best, 'recall')}; highest recall with class weights: {name(wbest)} {mean_std(wbest, 'recall')} "
      f"| recall 0.88 (full data) | same folds, best {peer_name(pb)}: PR-AUC {pb['pr_auc']:.3f}, recall "
      f"{pb['recall']:.3f} at 0.5 | {seconds('creditcard')} |")

m = results("movie-reviews")
cells = "; ".join(f"{name(x)}{' ' + x['params']['epochs'] + ' epochs' if 'epochs' in x['params'] else ''}: "
                  f"accuracy {mean_std(x, 'accuracy')}" for x in m["rows"])
pl = re.search(r"logistic ([0-9.]+), mlp16-16 \(4 epochs, rmsprop\) ([0-9.]+)", peer("movie-reviews"))
print(f"| movie-reviews | {m['protocol']}, rt-polarity | {cells} | ~88% on IMDB (a larger, easier corpus) | "
      f"polarity.py, own 5 folds: MLP {pl.group(2)}, logistic {pl.group(1)} | {seconds('movie-reviews')} |")

p = results("papermill")
best = max(p["rows"], key=lambda x: x["test"]["test_roc_auc"])
print(f"| papermill | {p['protocol']} | {name(best)}: test ROC-AUC {best['test']['test_roc_auc']:.3f}, recall "
      f"{100 * best['test']['recall']:.1f}% at test FPR {100 * best['test']['false_positive_rate']:.1f}% | "
      f"ROC-AUC 0.624, recall 28% at FPR 6.3% | see below | {seconds('papermill')} |")

print()
print("Paper mill, every candidate on the test rows (threshold chosen on the validation rows):")
print()
print("| candidate | test ROC-AUC | recall | test FPR |")
print("|---|---|---|---|")
for x in p["rows"]:
    extra = ""
    if x["model"] == "autoencoder":
        extra = " (identity output)" if x["params"].get("output-activation") == "identity" else " (the article's layout)"
        if x["params"].get("clip"):
            extra = extra[:-1] + f", inputs clipped to ±{float(x['params']['clip']):g})"
    tt = x["test"]
    print(f"| {name(x)}{extra} | {tt['test_roc_auc']:.3f} | {100 * tt['recall']:.1f}% | "
          f"{100 * tt['false_positive_rate']:.1f}% |")
print("| the article's autoencoder (published) | 0.624 | 28% | 6.3% |")
for line in peer("papermill").splitlines():
    mm = re.match(r"(.+?)(?: @valid-FPR 6.3%)?: test (?:roc_auc=([0-9.]+) pr_auc=[0-9.]+ )?recall(?:@validFPR6.3%)?=([0-9.]+) fpr=([0-9.]+)", line)
    if mm:
        label, auc, rec, fpr = mm.groups()
        label = label.strip() + (" (max-F1 threshold)" if "max-F1" in line else " (threshold at 6.3% validation FPR)")
        print(f"| Python peer (`peers/papermill.py`): {label} | {auc or '—'} | {100 * float(rec):.0f}% | "
              f"{100 * float(fpr):.1f}% |")
print()
print("The peer splits its rows at random (scikit-learn's train_test_split, random_state 123) and the recipe "
      "stratified (seed 123), so their test rows differ; the Paper-mill section below runs rareclass's autoencoder "
      "on the peer's own split.")
