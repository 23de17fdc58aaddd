package dev.rareclass.domain.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The words a linear text model weighs most, each way: what a scikit-learn user reads from {@code coef_} against
 * {@code get_feature_names_out()}. A word's weight is what its presence adds to the log-odds of the positive class
 * (before any prior correction or calibration, which keep the order of scores).
 *
 * @param positiveClass    the label's positive value
 * @param negativeClass    the label's negative value
 * @param towardsPositive  the words of largest positive weight, largest first
 * @param towardsNegative  the words of most negative weight, most negative first
 */
public record LinearWords(String positiveClass, String negativeClass, List<Weighted> towardsPositive,
                          List<Weighted> towardsNegative) {

    /** How many words each way {@code inspect} shows. */
    public static final int SHOWN = 10;

    public LinearWords {
        towardsPositive = List.copyOf(towardsPositive);
        towardsNegative = List.copyOf(towardsNegative);
    }

    /** A word (or {@code column:word} when the model reads several text columns) and its weight. */
    public record Weighted(String word, double weight) {
    }

    /**
     * The {@code k} words of largest and of most negative weight of a model with text columns whose classifier is
     * linear ({@link dev.rareclass.domain.model.TrainedClassifier#linearWeights}); empty for any other model, or when
     * its weights do not line up with its features. Words of weight 0 are left out (a word no training row held).
     */
    public static Optional<LinearWords> of(FittedPipeline m, int k) {
        if (!m.preprocessor().hasSparse()) {
            return Optional.empty();
        }
        Optional<double[]> weights = m.classifier().linearWeights();
        int dense = m.selector().map(s -> s.kept().length).orElse(m.preprocessor().width());
        List<String> words = m.preprocessor().sparseOutputNames();
        if (weights.isEmpty() || weights.get().length != dense + words.size()) {
            return Optional.empty();
        }
        double[] w = weights.get();
        boolean oneColumn = m.preprocessor().textTransforms().size() == 1;
        List<Weighted> all = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String name = words.get(i);
            // column:word; the column said only when there are several text columns
            all.add(new Weighted(oneColumn ? name.substring(name.indexOf(':') + 1) : name, w[dense + i]));
        }
        Comparator<Weighted> byWeight = Comparator.comparingDouble(Weighted::weight);
        return Optional.of(new LinearWords(m.labelMapping().positiveValue(), m.labelMapping().negativeValue(),
                top(all, byWeight.reversed(), k, true), top(all, byWeight, k, false)));
    }

    private static List<Weighted> top(List<Weighted> all, Comparator<Weighted> order, int k, boolean positive) {
        return all.stream().filter(x -> positive ? x.weight() > 0 : x.weight() < 0)
                .sorted(order.thenComparing(Weighted::word)).limit(k).toList();
    }
}
