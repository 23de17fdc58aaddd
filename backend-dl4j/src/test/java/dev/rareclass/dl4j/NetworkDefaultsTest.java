package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default networks: the one-unit logistic network lands where scikit-learn's {@code LogisticRegression()} lands,
 * and a default early stopping without validation rows steps aside instead of failing.
 */
class NetworkDefaultsTest {

    /**
     * 300 rows × 4 columns, {@code x[r][c] = (float) (2 sin(0.37 r (c + 1) + c))}, label
     * {@code x0 − 0.5 x1 + 0.3 x2 + 3 (u − 0.5) > 1} with {@code u} the fractional part of
     * {@code 43758.5453 sin(12.9898 r)}: 87 positives, not separable, no margin closer to 1 than 0.02 (so float
     * rounding flips no label). The same in Python gives the reference values below.
     */
    static Synthetic.Data data() {
        int rows = 300;
        int cols = 4;
        float[] x = new float[rows * cols];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                x[r * cols + c] = (float) (2 * Math.sin(0.37 * r * (c + 1) + c));
            }
            double u = Math.sin(r * 12.9898) * 43758.5453;
            u -= Math.floor(u);
            double margin = (double) x[r * cols] - 0.5 * x[r * cols + 1] + 0.3 * x[r * cols + 2] + 3 * (u - 0.5);
            y[r] = margin > 1.0 ? 1 : 0;
        }
        return new Synthetic.Data(FeatureMatrix.wrap(rows, cols, x), Labels.wrap(y));
    }

    private static final int[] ROWS = {0, 1, 2, 3, 4, 100, 200, 299};

    /**
     * scikit-learn 1.x, {@code LogisticRegression(C=1.0, tol=1e-12, max_iter=100000).fit(x, y).predict_proba(x)[:, 1]}
     * on {@link #data} (x as float32 values in float64), at {@link #ROWS}.
     */
    private static final double[] SKLEARN = {0.089239, 0.085714, 0.235187, 0.816233, 0.981244, 0.009642, 0.001531, 0.004140};
    /** The same with {@code class_weight={0: 1, 1: 3}}. */
    private static final double[] SKLEARN_WEIGHTED_3_1 = {0.249990, 0.206487, 0.460307, 0.941346, 0.995087, 0.009802,
            0.000662, 0.006670};

    private static double[] defaultLogistic(ClassWeights weights) {
        Synthetic.Data d = data();
        assertThat(d.y().positives()).isEqualTo(87);
        TrainedClassifier model = new LogisticNetworkFactory().create(Hyperparameters.empty())
                .train(d.x(), d.y(), TrainingContext.ofSeed(3).withClassWeights(weights));
        double[] all = model.scores(d.x());
        double[] at = new double[ROWS.length];
        for (int i = 0; i < ROWS.length; i++) {
            at[i] = all[ROWS[i]];
        }
        return at;
    }

    @Test
    void defaultLogisticNetworkLandsOnScikitLearnsLogisticRegression() {
        // l2=auto is 1/N on the mean loss, i.e. C = 1 on the summed loss; full-batch steps until the objective stops
        // moving settle on the optimum (the old defaults, batches of 64 at 0.01 with no penalty, ended 0.07 away on a
        // 336-row table)
        assertThat(defaultLogistic(ClassWeights.NONE)).containsExactly(SKLEARN, within(0.002));
    }

    @Test
    void classWeightsMatchScikitLearnsClassWeight() {
        assertThat(defaultLogistic(new ClassWeights(3, 1))).containsExactly(SKLEARN_WEIGHTED_3_1, within(0.002));
    }

    @Test
    void defaultLogisticNetworkStopsOnceItsObjectiveStopsMoving() {
        Synthetic.Data d = data();
        TrainedClassifier model = new LogisticNetworkFactory().create(Hyperparameters.empty())
                .train(d.x(), d.y(), TrainingContext.ofSeed(3));
        TrainingHistory h = model.history().orElseThrow();
        int n = h.epochs().size();
        assertThat(n).as("converged before the ceiling").isLessThan(MlpParams.LOGISTIC_EPOCHS);
        double last = h.epochs().get(n - 1).values().get("loss");
        double before = h.epochs().get(n - 51).values().get("loss");
        assertThat(before - last).as("less than min-delta gained over the patience").isLessThan(1e-7);
        // a user's early-stopping=loss needs no validation rows either
        TrainedClassifier mlp = new MlpTrainerFactory().create(Hyperparameters.parse(List.of("early-stopping=loss", "epochs=3")))
                .train(d.x(), d.y(), TrainingContext.ofSeed(1));
        assertThat(mlp.history().orElseThrow().epochs()).hasSize(3);
    }

    @Test
    void defaultEarlyStoppingWithoutValidationRowsTrainsEveryEpoch() {
        Synthetic.Data d = data();
        TrainedClassifier model = new MlpTrainerFactory().create(Hyperparameters.parse(List.of("epochs=7")))
                .train(d.x(), d.y(), TrainingContext.ofSeed(1));
        TrainingHistory h = model.history().orElseThrow();
        assertThat(h.epochs()).hasSize(7);
        assertThat(h.bestEpoch()).isEqualTo(7);
        assertThat(model.params().asMap()).containsEntry("early-stopping", "val_loss").containsEntry("l2", "auto");
    }

    @Test
    void defaultEarlyStoppingWithValidationRowsStopsOnValidationLoss() {
        Synthetic.Data d = data();
        Synthetic.Data v = Synthetic.blobs(5, 200, 4, 0.3, 0.0);  // unrelated rows: val_loss soon stops improving
        TrainedClassifier model = new MlpTrainerFactory().create(Hyperparameters.empty())
                .train(d.x(), d.y(), TrainingContext.ofSeed(1).withValidation(v.x(), v.y()));
        TrainingHistory h = model.history().orElseThrow();
        assertThat(h.epochs().size()).isLessThan(MlpParams.MLP_EPOCHS);
        assertThat(h.epochs().size()).isEqualTo(h.bestEpoch() + 10);  // patience 10, best weights restored
    }
}
