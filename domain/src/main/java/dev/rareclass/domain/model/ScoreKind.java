package dev.rareclass.domain.model;

/** What a classifier's scores mean: a probability of the positive class, or an unbounded anomaly score. */
public enum ScoreKind {
    PROBABILITY,
    ANOMALY
}
