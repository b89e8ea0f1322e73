package dev.backprop.data.csv;

import dev.backprop.data.LabeledDataset;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.encoding.LabelEncoder;
import java.util.List;
import java.util.Optional;

/**
 * What {@link CsvLoader} read.
 *
 * @param dataset      features (the non-target columns, in file order) and targets (the target columns in the
 *                     order given, or the class index of the label column)
 * @param header       the cells of the header line, trimmed, or empty when the file has no header
 * @param labelEncoder the class names of the label column, when one was read
 */
public record CsvData(TabularDataset dataset, List<String> header, Optional<LabelEncoder> labelEncoder) {

    /** Makes the header immutable. */
    public CsvData {
        header = List.copyOf(header);
    }

    /**
     * The data set with the label column's class names.
     *
     * @throws IllegalStateException when the loader read numeric target columns rather than a label column
     */
    public LabeledDataset labeled() {
        LabelEncoder encoder = labelEncoder.orElseThrow(() -> new IllegalStateException(
                "no label column was read; build a LabeledDataset from the targets and the class names instead"));
        return new LabeledDataset(dataset, encoder.names());
    }
}
