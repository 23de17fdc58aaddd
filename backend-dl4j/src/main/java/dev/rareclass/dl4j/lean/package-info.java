/**
 * The DL4J speed layers: leaner implementations of DL4J's own configured layers, swapped into an initialised or
 * restored network by {@link dev.rareclass.dl4j.lean.LeanLayers#install}, the package's entry point (turned off
 * with {@code -Drareclass.dl4j.lean=false}). {@link dev.rareclass.dl4j.lean.Floats} moves float32 matrices between
 * native memory and Java arrays for them. Everything else here is package-private.
 */
package dev.rareclass.dl4j.lean;
