package dev.rareclass.dl4j;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keras-style early stopping: after every epoch the monitored number is compared with the best so far; it counts
 * as an improvement when it beats the best by more than {@code minDelta} (lower for {@code loss} and
 * {@code val_loss}, higher for the others). {@code loss} is the training objective (the mean loss of the epoch's
 * batches, penalties included): with full-batch steps it says when the fit has converged, and it needs no
 * validation rows; the {@code val_*} monitors do. Training stops once {@code patience} epochs in a row brought no
 * improvement. With {@code restoreBest} the network ends with the weights of the best epoch (also when the
 * epoch limit is reached first), and {@code TrainingHistory.bestEpoch} names that epoch. Pure Java.
 *
 * @param monitor     none, loss, val_loss, val_pr_auc, val_roc_auc or val_accuracy
 * @param patience    epochs without improvement before stopping, at least 1
 * @param minDelta    smallest change that counts as an improvement, at least 0
 * @param restoreBest whether to restore the best epoch's weights at the end
 * @param explicit    whether the user asked for it (a default monitor is silently off without validation rows)
 */
public record EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBest, boolean explicit) {

    public static final Set<String> MONITORS = Set.of("none", "loss", "val_loss", "val_pr_auc", "val_roc_auc", "val_accuracy");
    /** Parameter names this reads. */
    public static final List<String> NAMES = List.of("early-stopping", "patience", "min-delta", "restore-best");

    public EarlyStopping {
        if (!MONITORS.contains(monitor)) {
            throw new UsageException("parameter early-stopping=" + monitor + " is not one of: "
                    + String.join(", ", new java.util.TreeSet<>(MONITORS)));
        }
        if (patience < 1) {
            throw new UsageException("parameter patience=" + patience + " must be >= 1");
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new UsageException("parameter min-delta=" + minDelta + " must be >= 0");
        }
    }

    /**
     * @param fallbackMonitor the kind's default monitor
     * @param allowed         the monitors the kind offers
     */
    static EarlyStopping of(Hyperparameters p, String fallbackMonitor, Set<String> allowed) {
        return of(p, fallbackMonitor, 10, 0.0, allowed);
    }

    /**
     * @param fallbackPatience {@code patience} when not given
     * @param fallbackMinDelta {@code min-delta} when not given
     */
    static EarlyStopping of(Hyperparameters p, String fallbackMonitor, int fallbackPatience, double fallbackMinDelta,
                            Set<String> allowed) {
        String monitor = p.choice("early-stopping", fallbackMonitor, allowed);
        int patience = p.integer("patience", fallbackPatience, 1, 1_000_000);
        double minDelta = p.decimal("min-delta", fallbackMinDelta, 0.0, 1e12);
        boolean restore = p.bool("restore-best", true);
        return new EarlyStopping(monitor, patience, minDelta, restore, p.asMap().containsKey("early-stopping"));
    }

    public boolean enabled() {
        return !monitor.equals("none");
    }

    /** The same settings with the monitor off: a default that has no validation rows to watch. */
    EarlyStopping off() {
        return new EarlyStopping("none", patience, minDelta, restoreBest, false);
    }

    /** Whether it watches validation rows ({@code val_*}); {@code loss} and {@code none} do not. */
    public boolean needsValidation() {
        return monitor.startsWith("val_");
    }

    /** Whether larger monitored values are better. */
    public boolean maximize() {
        return !monitor.equals("val_loss") && !monitor.equals("loss");
    }

    /** Whether {@code value} improves on {@code best} by more than {@code minDelta}. NaN never improves. */
    public boolean improves(double value, double best) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return maximize() ? value - minDelta > best : value + minDelta < best;
    }

    void putInto(Map<String, String> m) {
        m.put("early-stopping", monitor);
        if (enabled()) {
            m.put("patience", Integer.toString(patience));
            m.put("min-delta", Double.toString(minDelta));
            m.put("restore-best", Boolean.toString(restoreBest));
        }
    }
}
