/**
 * The Smile backend (Smile 6.3, pure Java): {@code logistic@smile} and {@code random-forest@smile}
 * baselines and their safe model codec, wired by {@link dev.rareclass.smile.SmileModule}.
 *
 * <p>Neither trainer needs a native library: Smile's binomial logistic regression is fitted by its
 * own Java L-BFGS, and its random forest (Breiman, "Random Forests", Machine Learning 45(1), 2001)
 * is pure Java. Both use the common fork-join pool for parallel loops.
 */
package dev.rareclass.smile;
