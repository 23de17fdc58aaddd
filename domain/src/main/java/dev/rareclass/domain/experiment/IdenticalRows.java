package dev.rareclass.domain.experiment;

import dev.rareclass.domain.model.ClassWeighting;
import dev.rareclass.domain.sampling.SamplerCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds leaderboard rows that are one configuration counted twice: the same model with the same parameters whose
 * sampler or class weight differs, but whose held-out scores are identical on every split. The usual cause is a
 * sampler that balances the classes (ratio 1), after which {@code balanced} class weights come out 1:1, the same
 * as none; or a sampler that left the training rows as they were. A leaderboard that lists both reads as if the
 * choice had been tried and made no difference, when it was never in effect.
 */
public final class IdenticalRows {

    private IdenticalRows() {
    }

    /**
     * One warning line (starting {@code warning: }) per set of identical rows, naming them by rank and saying why.
     */
    public static List<String> warnings(Leaderboard board) {
        List<LeaderboardRow> rows = board.rows();
        Map<String, List<Integer>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            LeaderboardRow r = rows.get(i);
            byModel.computeIfAbsent(r.name() + " " + r.params().asMap(), k -> new ArrayList<>()).add(i);
        }
        List<String> out = new ArrayList<>();
        for (List<Integer> group : byModel.values()) {
            boolean[] taken = new boolean[group.size()];
            for (int a = 0; a < group.size(); a++) {
                if (taken[a]) {
                    continue;
                }
                List<Integer> same = new ArrayList<>(List.of(group.get(a)));
                for (int b = a + 1; b < group.size(); b++) {
                    if (!taken[b] && identical(rows.get(group.get(a)), rows.get(group.get(b)))) {
                        taken[b] = true;
                        same.add(group.get(b));
                    }
                }
                if (same.size() > 1) {
                    out.add(warning(rows, same));
                }
            }
        }
        return out;
    }

    /** The same scores and thresholds on every split (so every metric is the same, whatever it is). */
    static boolean identical(LeaderboardRow a, LeaderboardRow b) {
        if (a.folds().size() != b.folds().size()) {
            return false;
        }
        for (int f = 0; f < a.folds().size(); f++) {
            FoldOutcome x = a.folds().get(f);
            FoldOutcome y = b.folds().get(f);
            if (Double.compare(x.threshold(), y.threshold()) != 0
                    || !Arrays.equals(x.scores().scores(), y.scores().scores())) {
                return false;
            }
        }
        return true;
    }

    private static String warning(List<LeaderboardRow> rows, List<Integer> same) {
        List<String> named = new ArrayList<>();
        Set<String> samplers = new LinkedHashSet<>();
        Set<String> weights = new LinkedHashSet<>();
        for (int i : same) {
            LeaderboardRow r = rows.get(i);
            named.add("#" + (i + 1) + " " + label(r));
            samplers.add(r.sampler());
            weights.add(r.classWeight());
        }
        return "warning: leaderboard rows " + joined(named) + " gave identical scores on every split: "
                + reason(samplers, weights) + "; they are one configuration counted " + (same.size() == 2 ? "twice"
                : same.size() + " times");
    }

    /** As the console leaderboard names a row: model, then sampler and class weight where they are not none. */
    static String label(LeaderboardRow r) {
        StringBuilder s = new StringBuilder(r.name());
        if (!r.sampler().equals(SamplerCatalog.NONE)) {
            s.append(" +").append(r.sampler());
        }
        if (!r.classWeight().equals("none")) {
            s.append(" w=").append(r.classWeight());
        }
        return s.toString();
    }

    private static String reason(Set<String> samplers, Set<String> weights) {
        List<String> why = new ArrayList<>();
        if (weights.size() > 1) {
            String sampler = samplers.size() == 1 ? samplers.iterator().next() : null;
            for (String w : weights) {
                if (w.equals("none")) {
                    continue;
                }
                ClassWeighting weighting = ClassWeighting.parse(w);
                if (weighting.fixed().map(fixed -> fixed.isUniform()).orElse(false)) {
                    why.add("class weight " + w + " weighs both classes alike");
                } else if (weighting.equals(ClassWeighting.BALANCED)) {
                    why.add(sampler == null || sampler.equals(SamplerCatalog.NONE)
                            ? "balanced class weights come out 1:1 when the training rows are already balanced"
                            : "sampler " + sampler + " balances the classes of every training part (ratio 1), so "
                                    + "balanced class weights come out 1:1, the same as none");
                } else {
                    why.add("class weight " + w + " changed nothing for this model");
                }
            }
        }
        if (samplers.size() > 1) {
            List<String> others = samplers.stream().filter(s -> !s.equals(SamplerCatalog.NONE)).toList();
            why.add(samplers.contains(SamplerCatalog.NONE)
                    ? (others.size() == 1 ? "sampler " : "samplers ") + joined(others)
                            + " left the training rows as they were, the same as none"
                    : "samplers " + joined(others) + " gave the same training rows");
        }
        if (why.isEmpty()) { // the same model, sampler and class weight given twice (--models a,a)
            why.add("the same model, sampler and class weight were listed more than once");
        }
        return String.join("; ", why);
    }

    private static String joined(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
