/** The catalogue of public datasets that {@code rareclass datasets} lists and fetches, and the download. */
package dev.rareclass.adapters.datasets;
