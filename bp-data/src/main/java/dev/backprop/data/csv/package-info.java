/**
 * Delimited text files into data sets ({@link dev.backprop.data.csv.CsvLoader}): numeric features, numeric
 * target columns or a column of class names, errors naming the file, line and column.
 */
package dev.backprop.data.csv;
