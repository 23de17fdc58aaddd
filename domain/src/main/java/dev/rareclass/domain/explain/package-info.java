/**
 * Why a model scores as it does, over a whole table: {@link dev.rareclass.domain.explain.PermutationImportance}
 * (scikit-learn's {@code permutation_importance}) and {@link dev.rareclass.domain.explain.PartialDependence}
 * (scikit-learn's {@code partial_dependence}, average kind), gathered in an {@link
 * dev.rareclass.domain.explain.Explanation}. Per-row reasons are in {@code domain.scoring}.
 */
package dev.rareclass.domain.explain;
