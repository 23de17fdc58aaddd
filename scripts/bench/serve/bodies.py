"""Request bodies for the serving benchmark, in the Open Inference Protocol (KServe V2) JSON form both servers read:
one input per column, {"name": COLUMN, "datatype": "FP64", "shape": [n], "data": [...]}.
  python3 bodies.py DATA.csv LABEL POSITIVE OUTDIR [SINGLE] [BATCHES] [BATCH_ROWS] [CHECK_POS] [CHECK_NEG]
writes into OUTDIR (the table itself is only read):
  single.jsonl    SINGLE (default 64) one-row bodies, one per line (rows drawn with seed 0)
  batch.jsonl     BATCHES (default 4) bodies of BATCH_ROWS (default 1000) rows each, one per line
  check.json      one body with CHECK_POS positive and CHECK_NEG negative rows (default 50 + 150, seed 0), in
                  table order
  check.rows      their 1-based data row numbers (as `rareclass predict` numbers rows), one per line
  columns.txt     the feature columns, in table order
Every value is the CSV field read as a double and written back as Python's shortest round-trip repr, so a JSON
parser gets the same double as a CSV reader of the table does."""
import csv
import json
import os
import random
import sys


def main():
    data, label, positive, out = sys.argv[1:5]
    single = int(sys.argv[5]) if len(sys.argv) > 5 else 64
    batches = int(sys.argv[6]) if len(sys.argv) > 6 else 4
    batch_rows = int(sys.argv[7]) if len(sys.argv) > 7 else 1000
    check_pos = int(sys.argv[8]) if len(sys.argv) > 8 else 50
    check_neg = int(sys.argv[9]) if len(sys.argv) > 9 else 150
    with open(data, newline="") as f:
        reader = csv.reader(f)
        header = [h.strip() for h in next(reader)]
        rows = [r for r in reader if r]
    li = header.index(label)
    features = [c for i, c in enumerate(header) if i != li]
    values = [[float(v) for i, v in enumerate(r) if i != li] for r in rows]
    labels = [r[li].strip() == positive for r in rows]

    def body(indices):
        return json.dumps({"inputs": [
            {"name": c, "datatype": "FP64", "shape": [len(indices)], "data": [values[r][j] for r in indices]}
            for j, c in enumerate(features)]}, separators=(",", ":"))

    rng = random.Random(0)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "single.jsonl"), "w") as f:
        for r in rng.sample(range(len(rows)), single):
            f.write(body([r]) + "\n")
    with open(os.path.join(out, "batch.jsonl"), "w") as f:
        for _ in range(batches):
            f.write(body(rng.sample(range(len(rows)), batch_rows)) + "\n")
    pos = [i for i, y in enumerate(labels) if y]
    neg = [i for i, y in enumerate(labels) if not y]
    check = sorted(rng.sample(pos, min(check_pos, len(pos))) + rng.sample(neg, min(check_neg, len(neg))))
    with open(os.path.join(out, "check.json"), "w") as f:
        f.write(body(check))
    with open(os.path.join(out, "check.rows"), "w") as f:
        f.writelines(f"{i + 1}\n" for i in check)
    with open(os.path.join(out, "columns.txt"), "w") as f:
        f.writelines(c + "\n" for c in features)
    print(f"{len(rows)} rows x {len(features)} features; bodies: {single} single-row, {batches} x {batch_rows} rows "
          f"({os.path.getsize(os.path.join(out, 'batch.jsonl')) // batches} bytes each), check {len(check)} rows",
          file=sys.stderr)


if __name__ == "__main__":
    main()
