package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

class LogisticRegressionTest {

    private final SmileTrainerFactory factory = SmileTrainers.logistic();

    private SmileLogisticClassifier train(Hyperparameters p, FeatureMatrix x, Labels y) {
        return (SmileLogisticClassifier) factory.create(p).train(x, y, TrainingContext.ofSeed(1));
    }

    @Test
    void learnsALinearlySeparableSetWithHighRocAucOnHeldOutRows() {
        TestData.Set train = TestData.linear(600, 6, 11);
        TestData.Set test = TestData.linear(400, 6, 12);

        SmileLogisticClassifier model = train(Hyperparameters.empty(), train.x(), train.y());
        double[] scores = model.scores(test.x());

        assertThat(TestData.auc(scores, test.y())).isGreaterThan(0.95);
        assertThat(java.util.Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1)).isTrue();
        assertThat(model.scoreKind()).isEqualTo(ScoreKind.PROBABILITY);
        assertThat(model.kind()).isEqualTo("logistic");
        assertThat(model.backend()).isEqualTo("smile");
        assertThat(model.summary()).startsWith("logistic regression (Smile), 7 coefficients");
    }

    @Test
    void scoresEqualSmilesOwnPosteriorAndAHandWrittenSigmoid() {
        TestData.Set data = TestData.linear(300, 4, 5);
        double[][] rows = Features.rows(data.x());
        LogisticRegression.Binomial smile = LogisticRegression.binomial(rows, data.y().toArray(),
                LogisticParams.DEFAULTS.toOptions());

        SmileLogisticClassifier ours = train(Hyperparameters.empty(), data.x(), data.y());
        double[] scores = ours.scores(data.x());

        double[] w = ours.coefficients();
        double[] posteriori = new double[2];
        for (int i = 0; i < rows.length; i++) {
            smile.predict(rows[i], posteriori);
            assertThat(scores[i]).isEqualTo(posteriori[1]);
            double z = w[w.length - 1];
            for (int j = 0; j < rows[i].length; j++) {
                z += w[j] * rows[i][j];
            }
            assertThat(scores[i]).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-15));
        }
    }

    @Test
    void agreesWithScikitLearnOnATinyFixedSet() {
        // Values from scikit-learn 1.2.1:
        //   LogisticRegression(C=1.0, tol=1e-12, max_iter=10000).fit(X, y)
        // Smile minimises -loglik + lambda/2 |w|^2 and scikit-learn C·(-loglik) + 1/2 |w|^2 (neither
        // penalises the intercept), so lambda = 1/C gives the same optimum.
        FeatureMatrix x = FeatureMatrix.ofRows(
                new double[] {0.5, 1.0}, new double[] {1.5, -0.5}, new double[] {-1.0, 0.3}, new double[] {2.0, 1.2},
                new double[] {-0.7, -1.1}, new double[] {0.1, 0.4}, new double[] {1.1, 2.0}, new double[] {-1.5, 0.8},
                new double[] {0.9, -1.3}, new double[] {-0.2, -0.6});
        Labels y = Labels.of(1, 1, 0, 1, 0, 0, 1, 0, 1, 0);
        double[] sklearnCoefficients = {1.44601284, 0.25118012, -0.43460237};
        double[] sklearnProba = {0.6317156798629788, 0.8332484433089752, 0.14121183177730173, 0.9404106327947535,
                0.1514710760958315, 0.45275906940267596, 0.8400193464994401, 0.08296874900620957,
                0.6318763884888654, 0.2943161043141108};

        SmileLogisticClassifier model = train(Hyperparameters.of(Map.of(
                "lambda", "1.0", "tolerance", "1e-12", "max-iterations", "10000")), x, y);

        assertThat(model.coefficients()).containsExactly(sklearnCoefficients, within(1e-5));
        assertThat(model.scores(x)).containsExactly(sklearnProba, within(1e-6));
    }

    @Test
    void trainingIsDeterministic() {
        TestData.Set data = TestData.linear(500, 5, 8);
        double[] a = train(Hyperparameters.empty(), data.x(), data.y()).scores(data.x());
        double[] b = train(Hyperparameters.empty(), data.x(), data.y()).scores(data.x());
        assertThat(b).containsExactly(a);
    }

    @Test
    void refusesClassWeightsItCannotHonour() {
        TestData.Set data = TestData.linear(100, 3, 2);
        assertThat(factory.supportsClassWeights()).isFalse();
        TrainingContext weighted = TrainingContext.ofSeed(1).withClassWeights(new ClassWeights(5, 1));
        assertThatThrownBy(() -> factory.create(Hyperparameters.empty()).train(data.x(), data.y(), weighted))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("does not support class weights");
    }

    @Test
    void refusesTrainingDataWithOneClass() {
        FeatureMatrix x = FeatureMatrix.ofRows(new double[] {1}, new double[] {2});
        assertThatThrownBy(() -> train(Hyperparameters.empty(), x, Labels.of(0, 0)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("both classes");
    }

    @Test
    void refusesToScoreRowsWithTheWrongColumnCount() {
        TestData.Set data = TestData.linear(100, 3, 2);
        SmileLogisticClassifier model = train(Hyperparameters.empty(), data.x(), data.y());
        assertThatThrownBy(() -> model.scores(FeatureMatrix.ofRows(new double[] {1, 2})))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("3 feature columns, got 2");
    }
}
