"""Writes a stratified 70/30 split of a CSV (sklearn's train_test_split, random_state=0) for the explain cross-check.
Usage: split.py DATA.csv LABEL DROP_COLUMNS(comma-separated) OUT_TRAIN.csv OUT_TEST.csv"""
import sys
import pandas as pd
from sklearn.model_selection import train_test_split

data, label, drop, train_out, test_out = sys.argv[1:6]
df = pd.read_csv(data, encoding="utf-8-sig")
df = df.drop(columns=[c for c in drop.split(",") if c])
train, test = train_test_split(df, test_size=0.3, stratify=df[label], random_state=0)
train.to_csv(train_out, index=False)
test.to_csv(test_out, index=False)
