/**
 * The embedding API: {@link dev.rareclass.embed.RareclassModel} scores rows with a saved model inside any JVM
 * program, with the scores {@code rareclass predict} gives. Its only public types are in this package.
 */
package dev.rareclass.embed;
