package dev.rareclass.smile.sampling;

import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.SamplingInput;
import dev.rareclass.smile.sampling.Support.Classes;
import java.util.function.Function;

/** Tomek links and Edited Nearest Neighbours, after imbalanced-learn 0.10. */
final class Cleaners {

    private Cleaners() {
    }

    /**
     * imblearn TomekLinks: rows i and j of different classes form a link when each is the other's
     * nearest neighbour. Removes the majority member of each link, or both members when
     * {@code both} (imblearn's {@code sampling_strategy='all'}, as SMOTETomek uses).
     */
    static Resampled tomek(SamplingInput in, String name, boolean both) {
        Classes c = Classes.of(in, name);
        Labels y = in.y();
        int n = y.size();
        float[] x = in.x().data();
        int[] all = OverSamplers.range(n);
        Knn.Result nn = new Knn(x, in.x().cols(), all).query(x, all, 1, true);
        boolean[] removed = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!both && y.get(i) == c.minorityLabel()) {
                continue;
            }
            int j = nn.neighbour(i, 0);
            if (y.get(j) != y.get(i) && nn.neighbour(j, 0) == i) {
                removed[i] = true;
            }
        }
        return Support.keep(in, Support.complement(removed));
    }

    /**
     * imblearn EditedNearestNeighbours with {@code kind_sel='all'}: removes a row unless all its k
     * nearest neighbours share its class. Only majority rows are examined, or every row when
     * {@code both} ({@code sampling_strategy='all'}, as SMOTEENN uses).
     */
    static Resampled enn(SamplingInput in, SamplerParams p, String name, boolean both) {
        Classes c = Classes.of(in, name);
        Labels y = in.y();
        int n = y.size();
        int k = both ? p.ennK() : p.k();
        Support.requireNeighbours(name, p, both ? "enn-k" : "k", k, n - 1, n + " rows (at most " + (n - 1) + " neighbours each)");
        float[] x = in.x().data();
        int[] targets = both ? OverSamplers.range(n) : c.majority();
        Knn.Result nn = new Knn(x, in.x().cols(), OverSamplers.range(n)).query(x, targets, k, true);
        boolean[] removed = new boolean[n];
        for (int q = 0; q < targets.length; q++) {
            int i = targets[q];
            for (int j = 0; j < k; j++) {
                if (y.get(nn.neighbour(q, j)) != y.get(i)) {
                    removed[i] = true;
                    break;
                }
            }
        }
        return Support.keep(in, Support.complement(removed));
    }

    /** Runs a cleaner on an over-sampler's output; origins map back to the original input rows. */
    static Resampled after(Resampled over, SamplingInput original, Function<SamplingInput, Resampled> cleaner) {
        Resampled cleaned = cleaner.apply(new SamplingInput(over.x(), over.y(), original.categorical()));
        int[] first = over.origin();
        int[] second = cleaned.origin();
        int[] origin = new int[second.length];
        for (int i = 0; i < second.length; i++) {
            origin[i] = first[second[i]];
        }
        return new Resampled(cleaned.x(), cleaned.y(), origin);
    }
}
