/**
 * Table formats beyond delimited text (ARFF, LibSVM, text corpora) and the dispatcher that picks a
 * reader from {@code --format} or the file name.
 */
package dev.rareclass.adapters.format;
