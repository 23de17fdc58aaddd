/**
 * Table formats beyond delimited text (ARFF, LibSVM, text corpora), the dispatcher that picks a reader from
 * {@code --format} or the file name, and what every format shares: a format is a {@link
 * dev.rareclass.adapters.format.ParsedTableSource} that parses its file into a {@link
 * dev.rareclass.adapters.format.RawTable} (text fields through {@link dev.rareclass.adapters.format.TextRows}),
 * and {@link dev.rareclass.adapters.format.DataOptionsStep} applies the data options to it.
 */
package dev.rareclass.adapters.format;
