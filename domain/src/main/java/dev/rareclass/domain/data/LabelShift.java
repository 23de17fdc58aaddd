package dev.rareclass.domain.data;

import dev.rareclass.domain.error.DataException;

/**
 * Early-warning labels for time series, as in the paper-mill sheet-break article: the {@code n} rows
 * before each event become positive, and the event rows themselves are dropped (at an event it is too
 * late to warn). Rows must be in time order.
 */
public final class LabelShift {

    private LabelShift() {
    }

    public static Table shift(Table table, int n) {
        if (n == 0) {
            return table;
        }
        Labels y = table.requireLabels();
        int rows = y.size();
        int[] shifted = new int[rows];
        for (int i = 0; i < rows; i++) {
            if (y.get(i) == 1) {
                for (int j = Math.max(0, i - n); j < i; j++) {
                    shifted[j] = 1;
                }
            }
        }
        int[] keep = new int[y.negatives()];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            if (y.get(i) == 0) {
                keep[k++] = i;
            }
        }
        if (keep.length == 0) {
            throw new DataException(table.source() + ": every row is an event; nothing is left after --shift-labels");
        }
        Labels newLabels = Labels.wrap(shifted);
        return table.withLabels(newLabels).selectRows(keep)
                .withNote("--shift-labels " + n + ": " + y.positives() + " event rows dropped, "
                        + newLabels.select(keep).positives() + " rows before them marked positive");
    }
}
