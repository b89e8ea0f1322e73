/**
 * CSV files read with Apache Commons CSV: {@link dev.backprop.data.csv.CsvReader} gives the rows (RFC 4180
 * quotes, byte-order mark, CRLF, strict decoding, an explicit {@link dev.backprop.data.csv.HeaderMode header},
 * columns selected or skipped by name or position), and {@link dev.backprop.data.csv.CsvLoader} turns them into
 * data sets: numeric features, numeric target columns or a column of class names. Errors name the file, the line
 * and the column, as an editor numbers them.
 */
package dev.backprop.data.csv;
