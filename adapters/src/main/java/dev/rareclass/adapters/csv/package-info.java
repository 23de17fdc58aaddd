/** Delimited text tables (CSV, TSV, gzip) read with FastCSV. */
package dev.rareclass.adapters.csv;
