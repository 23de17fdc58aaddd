/**
 * Samplers that rebalance training rows, with imbalanced-learn's semantics. Backends implement
 * {@link dev.rareclass.domain.sampling.SamplerFactory}; the pipeline applies one to training rows only.
 */
package dev.rareclass.domain.sampling;
