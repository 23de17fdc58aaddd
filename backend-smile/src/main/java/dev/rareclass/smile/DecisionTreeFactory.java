package dev.rareclass.smile;

import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.ModelId;
import smile.classification.DecisionTree;
import smile.data.DataFrame;
import smile.data.type.DataTypes;
import smile.data.type.StructField;

/**
 * {@code decision-tree@smile}: one CART tree grown by Smile's {@code DecisionTree} on every feature (no
 * feature sampling), so training uses no randomness and the seed is not needed. The columns go in as for
 * {@code random-forest@smile} ({@link Features#forestFrame}: binary columns nominal, tied values ordered).
 *
 * <p><b>Class weights</b> are honoured as row multiplicities, which Smile's tree takes as its {@code samples}
 * counts: each row of class {@code c} counts {@code round(w_c / min(w))} times (at most 10,000) in the
 * impurities, leaf sizes and leaf class counts, so a weight ratio is rounded to a whole number (as
 * scikit-learn's {@code class_weight} would weight it exactly).
 */
public final class DecisionTreeFactory extends SmileTrainerFactory {

    static final String KIND = "decision-tree";
    static final String MODEL = ModelId.of(KIND, SmileModule.NAME).toString();

    static final int MAX_MULTIPLICITY = 10_000;

    public DecisionTreeFactory() {
        super(KIND, DecisionTreeParams.NAMES, true, p -> trainer(DecisionTreeParams.of(p)));
    }

    /** Each row's multiplicity for the given class weights, or null when they are uniform. */
    static int[] multiplicities(ClassWeights weights, Labels y) {
        if (weights.isUniform()) {
            return null;
        }
        double min = Math.min(weights.positive(), weights.negative());
        int pos = (int) Math.max(1, Math.min(MAX_MULTIPLICITY, Math.round(weights.positive() / min)));
        int neg = (int) Math.max(1, Math.min(MAX_MULTIPLICITY, Math.round(weights.negative() / min)));
        int[] samples = new int[y.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = y.get(i) == 1 ? pos : neg;
        }
        return samples;
    }

    private static ClassifierTrainer trainer(DecisionTreeParams params) {
        return (x, y, ctx) -> {
            DataFrame frame = Features.forestFrame(x, y);
            StructField response = new StructField(LABEL, DataTypes.IntType);
            DecisionTree tree = new DecisionTree(frame, y.toArray(), response, 2, params.splitRule(), params.smileMaxDepth(),
                    params.smileMaxNodes(), params.nodeSize(), x.cols(), multiplicities(ctx.classWeights(), y), null);
            return new SmileDecisionTreeClassifier(tree, params);
        };
    }
}
