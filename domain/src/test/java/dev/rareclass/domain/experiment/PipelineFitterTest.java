package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.SyntheticRareEvents;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.ClassWeighting;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.sampling.SamplerChoice;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import dev.rareclass.domain.preprocess.Scaling;
import dev.rareclass.domain.preprocess.UnknownCategories;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineFitterTest {

    private final FakeCatalog catalog = new FakeCatalog();
    private final PipelineFitter fitter = new PipelineFitter(catalog, new FakeSamplers());

    static final PreprocessingSpec NONE = new PreprocessingSpec(Scaling.NONE, MissingPolicy.ERROR, UnknownCategories.IGNORE);

    static final ModelId CENTROID = ModelId.of("centroid", "fake");

    static PipelineSpec spec(String threshold, double validation) {
        return PipelineSpec.of(CENTROID, Hyperparameters.empty())
                .withFit(FitSettings.DEFAULT.withSeed(7).withThreshold(FitSettings.threshold(threshold), validation));
    }

    private ResolvedPipeline resolved(String threshold, double validation) {
        return fitter.resolve(spec(threshold, validation));
    }

    /** A table whose first column is the row id, so tests can tell which rows a step saw. */
    static Table withRowIds(Table t) {
        int n = t.rows();
        FeatureMatrix x = t.numericMatrix();
        int d = x.cols();
        float[] data = new float[n * (d + 1)];
        for (int r = 0; r < n; r++) {
            data[r * (d + 1)] = r;
            System.arraycopy(x.data(), r * d, data, r * (d + 1) + 1, d);
        }
        List<String> names = new java.util.ArrayList<>();
        names.add("id");
        names.addAll(t.featureNames());
        return Table.labelled(t.source(), names, FeatureMatrix.wrap(n, d + 1, data), t.requireLabels(), t.labelMapping().orElseThrow());
    }

    @Test
    void fitHoldsOutAStratifiedValidationPartAndTunesTheThresholdOnIt() {
        Table t = SyntheticRareEvents.generate(2000, 8, 4, 0.05, 3);
        FittedPipeline model = fitter.fit(t, resolved("max-f1", 0.2), "abc", ProgressListener.NONE);
        // a first fit on the rest scores the held-out part; then the model is refit on every row
        assertThat(model.provenance().trainingRows()).isEqualTo(2000);
        assertThat(model.provenance().validationRows()).isBetween(395, 405);
        assertThat(model.provenance().selection()).contains("held out from a first fit", "refit on all 2000 rows");
        assertThat(model.thresholdPolicy()).isEqualTo("max-f1");
        assertThat(model.threshold()).isBetween(0.0, 1.0).isNotEqualTo(0.5);
        assertThat(model.validationMetrics()).containsKeys("pr_auc", "roc_auc", "mcc", "tp");
        assertThat(model.validationMetrics().get("roc_auc")).isGreaterThan(0.7);
        assertThat(catalog.seenTraining).hasSize(2);
        assertThat(catalog.seenTraining.get(0).rows()).isEqualTo(2000 - model.provenance().validationRows());
        assertThat(catalog.seenValidation.get(0).rows()).isEqualTo(model.provenance().validationRows());
        assertThat(catalog.seenTraining.get(1).rows()).isEqualTo(2000);
        assertThat(catalog.seenValidation.get(1).rows()).isZero();
    }

    @Test
    void aFixedThresholdNeedsNoValidationRows() {
        Table t = SyntheticRareEvents.generate(500, 6, 2, 0.1, 3);
        FittedPipeline model = fitter.fit(t, resolved("0.3", 0), "", ProgressListener.NONE);
        assertThat(model.threshold()).isEqualTo(0.3);
        assertThat(model.provenance().trainingRows()).isEqualTo(500);
        assertThat(model.validationMetrics()).isEmpty();
    }

    @Test
    void aTunedThresholdWithoutValidationRowsIsAUsageError() {
        assertThatThrownBy(() -> spec("max-mcc", 0)).isInstanceOf(UsageException.class)
                .hasMessageContaining("validation");
    }

    /**
     * A fixed threshold is not chosen on the rows held out: they measure the validation metrics, and the selection and
     * the few-positives warning say so (they said "threshold on 12 rows held out" and "to choose the threshold on").
     */
    @Test
    void aFixedThresholdsHoldOutIsSaidToMeasureTheValidationMetrics() {
        Table t = SyntheticRareEvents.generate(300, 4, 2, 0.05, 3);
        List<String> notes = new java.util.ArrayList<>();
        FittedPipeline fixed = fitter.fit(t, resolved("0.5", 0.2), "", ProgressListener.notesTo(notes::add));
        assertThat(fixed.provenance().selection()).startsWith("validation metrics on 60 rows held out from a first fit");
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("positive rows to measure the validation metrics on")
                .doesNotContain("choose the threshold"));
        List<String> tuned = new java.util.ArrayList<>();
        FittedPipeline chosen = fitter.fit(t, resolved("max-f1", 0.2), "", ProgressListener.notesTo(tuned::add));
        assertThat(chosen.provenance().selection()).startsWith("threshold on 60 rows held out from a first fit");
        assertThat(tuned).anySatisfy(n -> assertThat(n).contains("to choose the threshold on"));
    }

    /**
     * With {@code --threshold-cv} a fixed threshold is not chosen on the out-of-fold scores either: they measure the
     * validation metrics ("threshold on the out-of-fold scores" was said of {@code --threshold 0.4 --threshold-cv 5}).
     */
    @Test
    void aFixedThresholdsOutOfFoldScoresAreSaidToMeasureTheValidationMetrics() {
        Table t = SyntheticRareEvents.generate(300, 4, 2, 0.05, 3);
        PipelineSpec fixed = PipelineSpec.of(CENTROID, Hyperparameters.empty()).withFit(FitSettings.DEFAULT.withSeed(7)
                .withThreshold(FitSettings.threshold("0.5"), 0.2).withThresholdFolds(3, 0));
        assertThat(fitter.fit(t, fitter.resolve(fixed), "", ProgressListener.NONE).provenance().selection())
                .startsWith("validation metrics on the out-of-fold scores of 3-fold cross-validation");
        PipelineSpec tuned = PipelineSpec.of(CENTROID, Hyperparameters.empty()).withFit(FitSettings.DEFAULT.withSeed(7)
                .withThreshold(FitSettings.threshold("max-f1"), 0.2).withThresholdFolds(3, 0));
        assertThat(fitter.fit(t, fitter.resolve(tuned), "", ProgressListener.NONE).provenance().selection())
                .startsWith("threshold on the out-of-fold scores of 3-fold cross-validation");
    }

    @Test
    void classWeightsOnAModelThatCannotTakeThemAreRefusedClearly() {
        PipelineSpec weighted = PipelineSpec.of(ModelId.anyBackend("centroid"), Hyperparameters.empty())
                .withClassWeight(ClassWeighting.BALANCED)
                .withFit(new FitSettings(NONE, 0, FitSettings.threshold("0.5"), 0.2, 1));
        assertThatThrownBy(() -> fitter.resolveFittable(weighted)).isInstanceOf(UsageException.class)
                .hasMessageContaining("cannot take class weights; use the class weight 'none', or a sampler")
                // a recipe's combination as much as a command line's: no option named
                .hasMessageNotContaining("--");
    }

    @Test
    void aSingleClassIsADataErrorNamingTheSource() {
        Table t = Table.labelled("one.csv", List.of("a"), FeatureMatrix.ofRows(new double[] {1}, new double[] {2}, new double[] {3}),
                Labels.of(0, 0, 0), new LabelMapping("y", "yes"));
        assertThatThrownBy(() -> fitter.fit(t, resolved("0.5", 0), "", ProgressListener.NONE))
                .isInstanceOf(DataException.class).hasMessageContaining("one.csv").hasMessageContaining("'yes' never occurs");
    }

    @Test
    void thresholdCrossValidationScoresEveryRowOutOfFoldThenRefitsOnAll() {
        Table t = withRowIds(SyntheticRareEvents.generate(600, 6, 4, 0.1, 5));
        PipelineSpec s = PipelineSpec.of(CENTROID, Hyperparameters.empty())
                .withFit(new FitSettings(NONE, 0, FitSettings.threshold("max-f1"), 0, 7, 0, 4, "none"));
        PipelineFitter.Scored scored = fitter.fitScored(t, fitter.resolve(s), "", ProgressListener.NONE);
        // four inner fits, each validated on the rows it left out, then the refit on all 600 rows
        assertThat(catalog.seenTraining).hasSize(5);
        Set<Integer> scoredOutOfFold = new HashSet<>();
        for (int k = 0; k < 4; k++) {
            Set<Integer> trained = ids(catalog.seenTraining.get(k));
            Set<Integer> left = ids(catalog.seenValidation.get(k));
            assertThat(trained).doesNotContainAnyElementsOf(left);
            assertThat(trained.size() + left.size()).isEqualTo(600);
            scoredOutOfFold.addAll(left);
        }
        assertThat(scoredOutOfFold).hasSize(600);
        assertThat(ids(catalog.seenTraining.get(4))).hasSize(600);
        assertThat(catalog.seenValidation.get(4).rows()).isZero();
        assertThat(scored.rows()).hasSize(600);
        assertThat(scored.model().provenance().selection()).contains("out-of-fold scores of 4-fold", "refit on all 600");
        // the threshold is the max-F1 one on the out-of-fold scores
        int[] y = t.requireLabels().select(scored.rows()).toArray();
        assertThat(scored.model().threshold()).isEqualTo(FitSettings.threshold("max-f1").choose(y, scored.scores()));
        assertThat(scored.model().validationMetrics().get("pr_auc"))
                .isEqualTo(dev.rareclass.domain.metrics.Curves.averagePrecision(y, scored.scores()));
    }

    @Test
    void thresholdCrossValidationNeedsAsManyRowsOfEachClassAsFolds() {
        Table t = SyntheticRareEvents.generate(40, 3, 2, 0.05, 5); // 2 positives
        PipelineSpec s = PipelineSpec.of(CENTROID, Hyperparameters.empty())
                .withFit(new FitSettings(NONE, 0, FitSettings.threshold("max-f1"), 0, 7, 0, 5, "none"));
        assertThatThrownBy(() -> fitter.fit(t, fitter.resolve(s), "", ProgressListener.NONE))
                .isInstanceOf(dev.rareclass.domain.error.DataException.class)
                .hasMessageContaining("5-fold cross-validation needs at least 5 rows of each class");
    }

    @Test
    void holdOutAndThresholdCrossValidationAreExclusive() {
        assertThatThrownBy(() -> new FitSettings(NONE, 0, FitSettings.threshold("max-f1"), 0.2, 7, 0, 5, "none"))
                .isInstanceOf(dev.rareclass.domain.error.UsageException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> new FitSettings(NONE, 0, FitSettings.threshold("max-f1"), 0, 7, 0, 1, "none"))
                .isInstanceOf(dev.rareclass.domain.error.UsageException.class).hasMessageContaining("2 to 100 folds");
    }

    @Test
    void crossValidationNeverLetsAHeldOutRowReachTraining() {
        Table t = withRowIds(SyntheticRareEvents.generate(1000, 6, 4, 0.05, 9));
        // no scaling, so the id column keeps the row number the trainer saw
        PipelineSpec s = PipelineSpec.of(CENTROID, Hyperparameters.empty())
                .withSampler(SamplerChoice.named("duplicate-positives"))
                .withFit(new FitSettings(NONE, 0, FitSettings.threshold("max-f1"), 0.2, 1));
        Leaderboard board = new Experiment(fitter).run(t, plan(List.of(s), 5, 3), 2, ProgressListener.NONE);
        assertThat(board.rows()).hasSize(1);
        assertThat(catalog.seenTraining).hasSize(10); // a first fit and a refit per fold
        // tasks may finish in any order on two threads: match each recorded fit to its fold by size
        List<dev.rareclass.domain.data.Fold> folds = dev.rareclass.domain.data.Splits.stratifiedKFold(t.requireLabels(), 5, 3);
        for (int f = 0; f < 5; f++) {
            Set<Integer> heldOut = new HashSet<>();
            for (int i : folds.get(f).test()) {
                heldOut.add(i);
            }
            // the sampler ran on the training part: repeated positive rows reached the trainer
            assertThat(catalog.seenTraining.get(f).rows()).isGreaterThan(ids(catalog.seenTraining.get(f)).size());
            Set<Integer> seen = null;
            Set<Integer> refit = null;
            for (int k = 0; k < 10; k++) {
                if (catalog.seenValidation.get(k).rows() == 0 && ids(catalog.seenTraining.get(k)).size() + heldOut.size() == 1000
                        && ids(catalog.seenTraining.get(k)).stream().noneMatch(heldOut::contains)) {
                    refit = ids(catalog.seenTraining.get(k));
                }
                Set<Integer> candidate = ids(catalog.seenTraining.get(k));
                candidate.addAll(ids(catalog.seenValidation.get(k)));
                java.util.Set<Integer> heldOutIds = heldOut;
                if (candidate.stream().noneMatch(heldOutIds::contains) && candidate.size() + heldOut.size() == 1000) {
                    seen = candidate;
                }
            }
            assertThat(seen).as("a fit that saw exactly the training part of fold " + f).isNotNull();
            assertThat(refit).as("the refit on the whole training part of fold " + f).isNotNull();
            assertThat(seen).doesNotContainAnyElementsOf(heldOut);
            assertThat(seen.size() + heldOut.size()).isEqualTo(1000);
        }
        // the id column swamps this fake's distances, so only the shape of the result is checked here
        assertThat(java.util.Arrays.stream(board.rows().get(0).values(MetricName.PR_AUC)).boxed().toList()).hasSize(5)
                .allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }

    static final ModelId BAGGED = ModelId.of("bagged", "fake");

    private static PipelineSpec bagged(java.util.Map<String, String> params, FitSettings fit) {
        return PipelineSpec.of(BAGGED, Hyperparameters.of(params)).withFit(fit);
    }

    private static int[] rowsWithScores(double[] oob) {
        return java.util.stream.IntStream.range(0, oob.length).filter(i -> !Double.isNaN(oob[i])).toArray();
    }

    private static double[] at(double[] values, int[] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(r -> values[r]).toArray();
    }

    @Test
    void aBaggedModelChoosesItsThresholdOnItsOutOfBagScoresWithOneFitOnEveryRow() {
        Table t = SyntheticRareEvents.generate(2000, 8, 4, 0.05, 3);
        PipelineSpec s = bagged(java.util.Map.of("nan-every", "7"), new FitSettings(NONE, 0,
                FitSettings.threshold("max-f1"), 0.2, 7));
        PipelineFitter.Scored scored = fitter.fitScored(t, fitter.resolve(s), "", ProgressListener.NONE);

        // one fit, on every row, with no validation rows: no hold-out and no refit
        assertThat(catalog.seenTraining).hasSize(1);
        assertThat(catalog.seenTraining.get(0).rows()).isEqualTo(2000);
        assertThat(catalog.seenValidation.get(0).rows()).isZero();
        // the rows without an out-of-bag score (every 7th) are left out; the others keep the scores offered
        double[] offered = catalog.offeredOutOfBag.get(0);
        int[] rows = rowsWithScores(offered);
        assertThat(rows).hasSize(2000 - 286);
        assertThat(scored.source()).isEqualTo(PipelineFitter.ScoreSource.OUT_OF_BAG);
        assertThat(scored.rows()).containsExactly(rows);
        assertThat(scored.scores()).containsExactly(at(offered, rows));
        // threshold and validation metrics on those scores, as the hold-out path does on its held-out ones
        int[] y = t.requireLabels().select(rows).toArray();
        FittedPipeline model = scored.model();
        assertThat(model.threshold()).isEqualTo(FitSettings.threshold("max-f1").choose(y, at(offered, rows)));
        assertThat(model.validationMetrics().get("pr_auc"))
                .isEqualTo(dev.rareclass.domain.metrics.Curves.averagePrecision(y, at(offered, rows)));
        assertThat(model.provenance().trainingRows()).isEqualTo(2000);
        assertThat(model.provenance().validationRows()).isEqualTo(1714);
        assertThat(model.provenance().selection()).isEqualTo("threshold on the out-of-bag scores of 1,714 rows (each "
                + "scored by the trees that did not draw it); one fit on all 2,000 rows");
        // the model is that one fit: its own scores, not the out-of-bag ones
        assertThat(model.scores(t)[1]).isNotEqualTo(offered[1]).isEqualTo((offered[1] - 0.1) / 0.8, within(1e-12));
    }

    @Test
    void outOfBagScoresGetTheFitsPriorCorrectionAndTheRowCostsOfTheirRows() {
        Table base = SyntheticRareEvents.generate(1500, 6, 3, 0.08, 4);
        int n = base.rows();
        double[] cost = new double[n];
        for (int r = 0; r < n; r++) {
            cost[r] = 1 + (r * 37 % 11);
        }
        FeatureMatrix x = base.numericMatrix();
        float[] data = new float[n * (x.cols() + 1)];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x.data(), r * x.cols(), data, r * (x.cols() + 1), x.cols());
            data[r * (x.cols() + 1) + x.cols()] = (float) cost[r];
        }
        List<String> names = new java.util.ArrayList<>(base.featureNames());
        names.add("amount");
        Table t = Table.labelled("costs.csv", names, FeatureMatrix.wrap(n, x.cols() + 1, data), base.requireLabels(),
                base.labelMapping().orElseThrow());
        PipelineSpec s = bagged(java.util.Map.of("nan-every", "5"), new FitSettings(NONE, 0,
                FitSettings.threshold("cost:@amount:2"), 0.2, 7).withDeployPrevalence(0.01));
        PipelineFitter.Scored scored = fitter.fitScored(t, fitter.resolve(s), "", ProgressListener.NONE);

        assertThat(catalog.seenTraining).hasSize(1);
        assertThat(catalog.seenTraining.get(0).cols()).isEqualTo(6); // the cost column is no feature
        double[] offered = catalog.offeredOutOfBag.get(0);
        int[] rows = rowsWithScores(offered);
        Labels y = t.requireLabels();
        // the fit learnt the training base rate; its probabilities move to the deploy prevalence
        double[] expected = PriorCorrection.of((double) y.positives() / n, 0.01).orElseThrow()
                .applyAll(at(offered, rows));
        assertThat(scored.rows()).containsExactly(rows);
        assertThat(scored.scores()).containsExactly(expected);
        assertThat(scored.model().threshold()).isEqualTo(FitSettings.threshold("cost:@amount:2")
                .choose(y.select(rows).toArray(), expected, at(cost, rows)));
    }

    @Test
    void withASamplerABaggedModelKeepsTheHoldOutAndTheRefit() {
        // a synthetic row made from a row would reach the trees that did not draw that row: out-of-bag scores lie
        Table t = SyntheticRareEvents.generate(1000, 6, 3, 0.1, 5);
        PipelineSpec s = bagged(java.util.Map.of(), new FitSettings(NONE, 0, FitSettings.threshold("max-f1"), 0.2, 7))
                .withSampler(SamplerChoice.named("duplicate-positives"));
        PipelineFitter.Scored scored = fitter.fitScored(t, fitter.resolve(s), "", ProgressListener.NONE);

        assertThat(catalog.seenTraining).hasSize(2);
        assertThat(catalog.seenValidation.get(0).rows()).isEqualTo(scored.rows().length).isBetween(195, 205);
        assertThat(scored.source()).isEqualTo(PipelineFitter.ScoreSource.HOLD_OUT);
        assertThat(scored.model().provenance().selection()).contains("held out from a first fit", "refit on all 1000")
                .doesNotContain("out-of-bag");
    }

    @Test
    void withThresholdCrossValidationOrAFixedThresholdABaggedModelIsFittedAsAnyOther() {
        Table t = SyntheticRareEvents.generate(600, 6, 3, 0.1, 5);
        PipelineFitter.Scored cv = fitter.fitScored(t, fitter.resolve(bagged(java.util.Map.of(),
                new FitSettings(NONE, 0, FitSettings.threshold("max-f1"), 0, 7, 0, 3, "none"))), "", ProgressListener.NONE);
        assertThat(catalog.seenTraining).hasSize(4);
        assertThat(cv.source()).isEqualTo(PipelineFitter.ScoreSource.OUT_OF_FOLD);

        PipelineFitter.Scored fixed = fitter.fitScored(t, fitter.resolve(bagged(java.util.Map.of(),
                new FitSettings(NONE, 0, FitSettings.threshold("0.4"), 0, 7))), "", ProgressListener.NONE);
        assertThat(catalog.seenTraining).hasSize(5);
        assertThat(fixed.source()).isEqualTo(PipelineFitter.ScoreSource.NONE);
        assertThat(fixed.model().threshold()).isEqualTo(0.4);
        assertThat(fixed.model().provenance().selection()).isEqualTo("fixed threshold; one fit on all 600 rows");
    }

    @Test
    void tooFewOutOfBagScoresOfAClassFallBackToTheHoldOutKeepingTheFitOnEveryRow() {
        Table t = SyntheticRareEvents.generate(1000, 6, 3, 0.1, 5);
        List<String> notes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ProgressListener listener = ProgressListener.notesTo(notes::add);
        PipelineFitter.Scored scored = fitter.fitScored(t, fitter.resolve(bagged(java.util.Map.of("nan-positives",
                "true"), new FitSettings(NONE, 0, FitSettings.threshold("max-f1"), 0.2, 7))), "", listener);

        // the fit on every row, then the hold-out's first fit; the fit on every row is the refit (no epochs to match)
        assertThat(catalog.seenTraining).hasSize(2);
        assertThat(catalog.seenTraining.get(0).rows()).isEqualTo(1000);
        assertThat(catalog.seenValidation.get(1).rows()).isEqualTo(scored.rows().length);
        assertThat(scored.source()).isEqualTo(PipelineFitter.ScoreSource.HOLD_OUT);
        assertThat(scored.model().provenance().selection()).contains("held out from a first fit", "refit on all 1000");
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("out-of-bag", "hold-out"));
        // the model is the fit on every row (its scores are what it offered, unsquashed), not the hold-out's fit
        int negative = t.requireLabels().indicesOf(0)[0];
        assertThat(scored.model().scores(t)[negative])
                .isEqualTo((catalog.offeredOutOfBag.get(0)[negative] - 0.1) / 0.8, within(1e-12))
                .isNotCloseTo((catalog.offeredOutOfBag.get(1)[negative] - 0.1) / 0.8, within(1e-12));
    }

    static ExperimentPlan plan(List<PipelineSpec> specs, int folds, long seed) {
        PipelineSpec s = specs.get(0);
        List<Candidate> candidates = specs.stream().map(x -> new Candidate(x.model(), x.params())).toList();
        return ExperimentPlan.of(candidates).withSamplers(List.of(s.sampler())).withClassWeights(List.of(s.classWeight()))
                .withFit(s.fit().withSeed(seed)).withProtocol(new Protocol.KFold(folds, 1));
    }

    private static Set<Integer> ids(FeatureMatrix m) {
        Set<Integer> out = new HashSet<>();
        for (int r = 0; r < m.rows(); r++) {
            out.add((int) m.get(r, 0));
        }
        return out;
    }
}
