/**
 * Binary-classification metrics that reproduce scikit-learn 1.2 (and imbalanced-learn for G-mean and
 * specificity) so that numbers reported by rareclass can be cross-checked in Python.
 */
package dev.rareclass.domain.metrics;
