"""Python peer of `rareclass serve` for the serving benchmark: a scikit-learn random forest behind FastAPI + uvicorn,
answering the same Open Inference Protocol (KServe V2) JSON requests at the same path.
  python3 peer.py fit DATA.csv LABEL POSITIVE MODEL.pkl
      read the CSV (pandas), fit RandomForestClassifier(n_estimators=100, random_state=0) -- scikit-learn's defaults
      otherwise: fully grown trees, sqrt(d) features per split, bootstrap -- on every row (rareclass train
      --validation-split 0 trains on every row too), save it with its feature columns
  PEER_MODEL=MODEL.pkl python3 -m uvicorn peer:app --host 127.0.0.1 --port N [--workers 2] --no-access-log
      serve it: POST /v2/models/NAME/infer (NAME = the model file's name without extension), GET /v2/health/ready
The endpoint is written as FastAPI's documentation writes one: pydantic models for the request body, a dict returned.
It is an `async def`, run on the event loop: a plain `def` (run in FastAPI's thread pool) answered about half as many
single-row requests a second in a check on this machine (226-294 vs 116 at 8 connections), at no gain for batches.
The predict runs in the model's own thread (n_jobs=None, one job): no joblib pool to hand a row to.
p = predict_proba[:, 1], predicted = p >= 0.5; the answer has rareclass's shape:
{"model_name", "parameters": {"threshold"}, "outputs": [p FP64, predicted INT32]}."""
import os
import pickle
import sys
from typing import List, Optional

import numpy as np

THRESHOLD = 0.5


def fit(data, label, positive, model_path):
    import pandas as pd
    from sklearn.ensemble import RandomForestClassifier
    frame = pd.read_csv(data)
    frame.columns = [c.strip() for c in frame.columns]
    y = (frame[label].astype(str).str.strip() == positive).astype(int).to_numpy()
    X = frame.drop(columns=[label])
    model = RandomForestClassifier(n_estimators=100, random_state=0)
    model.fit(X.to_numpy(dtype=np.float64), y)
    with open(model_path, "wb") as out:
        pickle.dump({"model": model, "columns": list(X.columns)}, out)
    print(f"fitted on {len(y)} rows x {X.shape[1]} columns, {int(y.sum())} positive", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 6 or sys.argv[1] != "fit":
        sys.exit(__doc__)
    fit(*sys.argv[2:])
    sys.exit(0)

from fastapi import FastAPI, HTTPException  # noqa: E402  (only the server needs them)
from pydantic import BaseModel  # noqa: E402


class InferInput(BaseModel):
    name: str
    datatype: str
    shape: List[int]
    data: List[float]


class InferRequest(BaseModel):
    id: Optional[str] = None
    inputs: List[InferInput]


_file = os.environ.get("PEER_MODEL")
if not _file:
    raise RuntimeError("set PEER_MODEL to the model file written by `peer.py fit`")
with open(_file, "rb") as _f:
    _saved = pickle.load(_f)
MODEL = _saved["model"]
COLUMNS = _saved["columns"]
NAME = os.path.splitext(os.path.basename(_file))[0]

app = FastAPI()


@app.get("/v2/health/ready")
def ready():
    return {"ready": True}


@app.post("/v2/models/{name}/infer")
async def infer(name: str, request: InferRequest):
    if name != NAME:
        raise HTTPException(404, f"no model named '{name}' (served: {NAME})")
    given = {i.name: i.data for i in request.inputs}
    missing = [c for c in COLUMNS if c not in given]
    if missing:
        raise HTTPException(400, f"missing inputs: {', '.join(missing)}")
    n = len(given[COLUMNS[0]])
    if n == 0 or any(len(given[c]) != n for c in COLUMNS):
        raise HTTPException(400, "every input needs the same number of rows, at least one")
    X = np.array([given[c] for c in COLUMNS], dtype=np.float64).T
    p = MODEL.predict_proba(X)[:, 1]
    out = {"model_name": NAME, "parameters": {"threshold": THRESHOLD}, "outputs": [
        {"name": "p", "datatype": "FP64", "shape": [n], "data": p.tolist()},
        {"name": "predicted", "datatype": "INT32", "shape": [n], "data": (p >= THRESHOLD).astype(int).tolist()}]}
    if request.id is not None:
        out["id"] = request.id
    return out
