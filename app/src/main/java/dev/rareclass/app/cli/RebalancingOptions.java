package dev.rareclass.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The samplers and class weights an experiment evaluates with: {@code compare} crosses comma lists of them with its
 * models, {@code tune} evaluates every trial with one of each. Two mixins under the same option names, so each
 * command's help shows what it takes instead of a list {@code tune} would then refuse.
 */
interface RebalancingOptions {

    List<String> samplers();

    List<String> classWeights();

    /** {@code compare}'s: every sampler with every class weight. */
    final class Several implements RebalancingOptions {

        @Option(names = "--samplers", split = ",", defaultValue = "none", paramLabel = "S",
                completionCandidates = Candidates.Samplers.class,
                description = "Samplers to try on the training parts, comma-separated: ${COMPLETION-CANDIDATES} "
                        + "(default: ${DEFAULT-VALUE}).")
        List<String> samplers = new ArrayList<>();

        @Option(names = "--class-weights", split = ",", defaultValue = "none", paramLabel = "W",
                completionCandidates = Candidates.ClassWeights.class,
                description = "Class weights to try, comma-separated: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        List<String> classWeights = new ArrayList<>();

        @Override
        public List<String> samplers() {
            return samplers;
        }

        @Override
        public List<String> classWeights() {
            return classWeights;
        }
    }

    /** {@code tune}'s: the trials differ in the model's parameters only. */
    final class One implements RebalancingOptions {

        @Option(names = "--samplers", defaultValue = "none", paramLabel = "S", completionCandidates = Candidates.Samplers.class,
                description = "The sampler of every trial's training parts: ${COMPLETION-CANDIDATES} "
                        + "(default: ${DEFAULT-VALUE}).")
        String sampler;

        @Option(names = "--class-weights", defaultValue = "none", paramLabel = "W",
                completionCandidates = Candidates.ClassWeights.class,
                description = "The class weights of every trial: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        String classWeight;

        @Override
        public List<String> samplers() {
            return List.of(sampler);
        }

        @Override
        public List<String> classWeights() {
            return List.of(classWeight);
        }
    }
}
