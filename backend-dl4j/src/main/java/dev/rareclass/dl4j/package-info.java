/**
 * Deeplearning4j backend: small feed-forward networks ending in one sigmoid unit trained with binary
 * cross-entropy ({@code mlp@dl4j}, {@code logistic@dl4j}), a dense autoencoder ({@code autoencoder@dl4j}) and
 * their model codec.
 *
 * <p>Native code (ND4J, javacpp, OpenBLAS) loads lazily: {@link dev.rareclass.dl4j.Dl4jModule}, the factories
 * and {@link dev.rareclass.dl4j.MlpParams} touch no ND4J class, so a run that only uses another backend never
 * loads the natives. Only {@code create(...).train(...)}, scoring and the codec's {@code decode}/{@code encode} do.
 *
 * <p>The speed layers swapped into every initialised or restored network live in {@link dev.rareclass.dl4j.lean},
 * entered through {@link dev.rareclass.dl4j.lean.LeanLayers#install} alone.
 */
package dev.rareclass.dl4j;
