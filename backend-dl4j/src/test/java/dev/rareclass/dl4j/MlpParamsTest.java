package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parameter parsing is pure Java: these tests never load ND4J. */
class MlpParamsTest {

    private static Hyperparameters hp(String... pairs) {
        return Hyperparameters.parse(List.of(pairs));
    }

    @Test
    void mlpDefaults() {
        MlpParams p = MlpParams.of(Hyperparameters.empty());
        assertThat(p.hidden()).containsExactly(16, 16);
        assertThat(p.activations()).containsExactly("relu", "relu");
        assertThat(p.inits()).containsExactly("he-uniform", "he-uniform");
        assertThat(p.dropouts()).containsExactly(0.0, 0.0);
        assertThat(p.earlyStopping()).isEqualTo(new EarlyStopping("val_loss", 10, 0, true, false));
        assertThat(p.l1()).isZero();
        assertThat(p.optimizer()).isEqualTo("adam");
        assertThat(p.learningRate()).isEqualTo(0.003);
        assertThat(p.autoL2()).isTrue();
        assertThat(p.epochs()).isEqualTo(200);
        assertThat(p.batchSize()).isEqualTo(64);
        assertThat(p.asHyperparameters(false).asMap()).containsEntry("l2", "auto").containsEntry("early-stopping", "val_loss")
                .containsEntry("patience", "10").containsEntry("restore-best", "true");
        assertThat(p.seed()).isEmpty();
        assertThat(p.seedOr(7)).isEqualTo(7);
    }

    @Test
    void autoL2IsLambdaOverTheRowsOfTheFit() {
        // DL4J's l2 is on the mean loss: l2 = lambda / N is scikit-learn's C = 1 / lambda on the summed loss
        assertThat(MlpParams.logistic(Hyperparameters.empty()).forRows(400).l2()).isEqualTo(1.0 / 400);
        assertThat(MlpParams.of(Hyperparameters.empty()).forRows(400).l2()).isEqualTo(10.0 / 400);
        assertThat(MlpParams.of(hp("l2=AUTO")).forRows(20).l2()).isEqualTo(0.5);
        // sigmoid layers pass on at most a quarter of the gradient: the logistic penalty, not ten times it
        assertThat(MlpParams.of(hp("activation=tanh,sigmoid", "hidden=4,4")).forRows(400).l2()).isEqualTo(1.0 / 400);
        assertThat(MlpParams.of(hp("activation=tanh")).forRows(400).l2()).isEqualTo(10.0 / 400);
        MlpParams fixed = MlpParams.of(hp("l2=0.003"));
        assertThat(fixed.autoL2()).isFalse();
        assertThat(fixed.forRows(400)).isSameAs(fixed);
        assertThat(fixed.asHyperparameters(false).asMap()).containsEntry("l2", "0.003");
        assertThat(MlpParams.of(hp("l2=0")).forRows(10).l2()).isZero();
    }

    @Test
    void batchSizeAllIsEveryRow() {
        MlpParams p = MlpParams.of(hp("batch-size=all"));
        assertThat(p.batchSize()).isEqualTo(MlpParams.ALL_ROWS);
        assertThat(p.asHyperparameters(false).asMap()).containsEntry("batch-size", "all");
        assertThat(MlpParams.logistic(hp("batch-size=32")).batchSize()).isEqualTo(32);
        assertThatThrownBy(() -> MlpParams.of(hp("batch-size=most"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("batch-size=most");
        assertThatThrownBy(() -> MlpParams.of(hp("l2=some"))).isInstanceOf(UsageException.class).hasMessageContaining("l2=some");
    }

    @Test
    void initFollowsActivationUnlessGiven() {
        assertThat(MlpParams.of(hp("activation=tanh")).inits().getFirst()).isEqualTo("glorot-uniform");
        assertThat(MlpParams.of(hp("activation=selu")).inits().getFirst()).isEqualTo("lecun-normal");
        assertThat(MlpParams.of(hp("activation=leaky-relu")).inits().getFirst()).isEqualTo("he-uniform");
        assertThat(MlpParams.of(hp("activation=tanh", "init=he-normal")).inits().getFirst()).isEqualTo("he-normal");
    }

    @Test
    void parsesEveryParameter() {
        MlpParams p = MlpParams.of(hp("hidden=32,8,4", "activation=ELU", "init=glorot-normal", "dropout=0.3",
                "optimizer=nadam", "learning-rate=0.05", "l2=0.0001", "epochs=3", "batch-size=128", "seed=99"));
        assertThat(p.hidden()).containsExactly(32, 8, 4);
        assertThat(p.activations()).containsExactly("elu", "elu", "elu");
        assertThat(p.retainProbability(0)).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.seedOr(7)).isEqualTo(99);
        assertThat(p.asHyperparameters(false).asMap()).containsEntry("hidden", "32,8,4").containsEntry("seed", "99");
    }

    @Test
    void emptyHiddenIsRefusedNotTrainedAsALogisticRegression() {
        // a network without hidden layers is logistic@dl4j; under the mlp name an empty list is a mistake
        assertThatThrownBy(() -> MlpParams.of(hp("hidden="))).isInstanceOf(UsageException.class).hasMessageContaining("hidden");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hidden=16,0|hidden",
        "hidden=a,b|hidden",
        "activation=softmax|activation",
        "init=zeros|init",
        "dropout=0.96|dropout",
        "dropout=-0.1|dropout",
        "optimizer=adagrad|optimizer",
        "learning-rate=0|learning-rate",
        "learning-rate=x|learning-rate",
        "l2=-1|l2",
        "epochs=0|epochs",
        "batch-size=0|batch-size",
        "seed=1.5|seed",
    })
    void badValuesNameTheParameter(String pair, String name) {
        assertThatThrownBy(() -> MlpParams.of(hp(pair)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(name);
    }

    /** The learning rate's range began at Double.MIN_VALUE and read "out of range [4.9E-324, 10]". */
    @Test
    void aLearningRateOutOfRangeSaysItMustBePositive() {
        for (String lr : new String[] {"0", "-0", "-1", "1e309"}) {
            assertThatThrownBy(() -> MlpParams.of(hp("learning-rate=" + lr))).as(lr).isInstanceOf(UsageException.class)
                    .hasMessage("parameter learning-rate=" + lr + " must be > 0 and <= 10");
            assertThatThrownBy(() -> MlpParams.logistic(hp("learning-rate=" + lr))).as(lr)
                    .hasMessage("parameter learning-rate=" + lr + " must be > 0 and <= 10");
            assertThatThrownBy(() -> AutoencoderParams.of(hp("learning-rate=" + lr))).as(lr)
                    .hasMessage("parameter learning-rate=" + lr + " must be > 0 and <= 10");
        }
    }

    /** A learning rate that the networks' 32-bit floats hold as 0 (or as a subnormal) trained nothing, silently. */
    @Test
    void aLearningRateNoFloatHoldsIsRefused() {
        for (String lr : new String[] {"1e-320", "1e-39"}) {
            String said = "parameter learning-rate=" + lr + " is below 1.1754944E-38, the least 32-bit float the "
                    + "networks compute with: they would not learn";
            assertThatThrownBy(() -> MlpParams.of(hp("learning-rate=" + lr))).as(lr).hasMessage(said);
            assertThatThrownBy(() -> MlpParams.logistic(hp("learning-rate=" + lr))).as(lr).hasMessage(said);
            assertThatThrownBy(() -> AutoencoderParams.of(hp("learning-rate=" + lr))).as(lr).hasMessage(said);
        }
        assertThat(MlpParams.of(hp("learning-rate=1e-30")).learningRate()).isEqualTo(1e-30);
    }

    @Test
    void unknownKeyListsKnownOnes() {
        assertThatThrownBy(() -> MlpParams.of(hp("hiden=8")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("hiden")
                .hasMessageContaining("mlp@dl4j")
                .hasMessageContaining("activation, batch-size, dropout, early-stopping, epochs, hidden, init, l1, l2, learning-rate, min-delta, momentum, optimizer, patience, restore-best, rho, seed");
    }

    @Test
    void logisticDefaultsAndNames() {
        MlpParams p = MlpParams.logistic(Hyperparameters.empty());
        assertThat(p.hidden()).isEmpty();
        assertThat(p.learningRate()).isEqualTo(0.1);
        assertThat(p.epochs()).isEqualTo(2000);
        assertThat(p.batchSize()).isEqualTo(MlpParams.ALL_ROWS);
        assertThat(p.optimizer()).isEqualTo("adam");
        assertThat(p.autoL2()).isTrue();
        assertThat(p.earlyStopping()).isEqualTo(new EarlyStopping("loss", 50, 1e-7, true, false));
        assertThat(p.earlyStopping().needsValidation()).isFalse();
        assertThat(p.asHyperparameters(true).asMap()).doesNotContainKeys("hidden", "activation", "dropout")
                .containsEntry("batch-size", "all").containsEntry("l2", "auto").containsEntry("early-stopping", "loss")
                .containsEntry("min-delta", "1.0E-7");
        // another monitor keeps the usual min-delta of 0
        assertThat(MlpParams.logistic(hp("early-stopping=val_loss", "patience=3")).earlyStopping())
                .isEqualTo(new EarlyStopping("val_loss", 3, 0, true, true));
        assertThat(MlpParams.logistic(hp("min-delta=0.01")).earlyStopping()).isEqualTo(new EarlyStopping("loss", 50, 0.01, true, false));
        assertThat(MlpParams.logistic(hp("early-stopping=none")).earlyStopping().enabled()).isFalse();
        assertThatThrownBy(() -> MlpParams.logistic(Hyperparameters.of(Map.of("hidden", "4"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown parameter 'hidden' for logistic@dl4j");
    }

    @Test
    void factoriesDescribeThemselves() {
        var mlp = new MlpTrainerFactory();
        var logistic = new LogisticNetworkFactory();
        assertThat(mlp.kind()).isEqualTo("mlp");
        assertThat(mlp.backend()).isEqualTo("dl4j");
        assertThat(mlp.parameterNames()).contains("hidden", "dropout", "seed");
        assertThat(mlp.supportsClassWeights()).isTrue();
        assertThat(logistic.kind()).isEqualTo("logistic");
        assertThat(logistic.parameterNames()).containsExactlyInAnyOrder("learning-rate", "epochs", "batch-size", "l2", "optimizer",
                "rho", "seed", "early-stopping", "patience", "min-delta", "restore-best");
        assertThatThrownBy(() -> mlp.create(hp("epochs=-2"))).isInstanceOf(UsageException.class).hasMessageContaining("epochs");
    }

    @Test
    void perLayerListsMustMatchTheHiddenLayers() {
        MlpParams p = MlpParams.of(hp("hidden=8,4", "activation=tanh,relu", "dropout=0.1,0.3"));
        assertThat(p.activations()).containsExactly("tanh", "relu");
        assertThat(p.inits()).containsExactly("glorot-uniform", "he-uniform");
        assertThat(p.dropouts()).containsExactly(0.1, 0.3);
        assertThat(p.asHyperparameters(false).asMap()).containsEntry("activation", "tanh,relu").containsEntry("dropout", "0.1,0.3");
        assertThatThrownBy(() -> MlpParams.of(hp("hidden=8,4", "activation=tanh,relu,elu")))
                .isInstanceOf(UsageException.class).hasMessageContaining("activation").hasMessageContaining("3 values but there are 2 hidden layers");
        assertThatThrownBy(() -> MlpParams.of(hp("hidden=8,4", "dropout=0.1,0.2,0.3"))).hasMessageContaining("dropout");
        assertThatThrownBy(() -> MlpParams.of(hp("hidden=8,4", "init=he-normal,zeros"))).hasMessageContaining("'zeros'");
        assertThatThrownBy(() -> MlpParams.of(hp("hidden=8,4", "activation=tanh,softmax"))).hasMessageContaining("leaky-relu");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hidden=16,,16",
        "hidden=,16",
        "hidden=16,",
        "activation=relu,",
        "activation=relu,,tanh",
        "init=he-normal,",
        "dropout=0.2,",
        "dropout=0.2,,0.1",
    })
    void anEmptyListElementIsRefusedNotDropped(String pair) {
        // hidden=16,,16 built two layers, hidden=16, one, and activation=relu, was one value for every layer
        Hyperparameters p = pair.startsWith("hidden=") ? hp(pair) : hp("hidden=8,4", pair);
        assertThatThrownBy(() -> MlpParams.of(p))
                .isInstanceOf(UsageException.class)
                .hasMessage("parameter " + pair + " has an empty element; give one value or a comma list of values");
        assertThatThrownBy(() -> AutoencoderParams.of(hp("layers=8,,4"))).isInstanceOf(UsageException.class)
                .hasMessage("parameter layers=8,,4 has an empty element; give one value or a comma list of values");
    }

    @Test
    void earlyStoppingAndMomentum() {
        MlpParams p = MlpParams.of(hp("early-stopping=val_pr_auc", "patience=3", "min-delta=0.01", "restore-best=false",
                "optimizer=sgd", "momentum=0.5"));
        assertThat(p.earlyStopping()).isEqualTo(new EarlyStopping("val_pr_auc", 3, 0.01, false, true));
        assertThat(p.momentum()).isEqualTo(0.5);
        assertThat(MlpParams.of(hp("optimizer=sgd")).momentum()).isEqualTo(0.9);
        assertThatThrownBy(() -> MlpParams.of(hp("early-stopping=los"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("loss, none, val_accuracy, val_loss, val_pr_auc, val_roc_auc");
        assertThatThrownBy(() -> MlpParams.of(hp("patience=0"))).hasMessageContaining("patience");
        assertThatThrownBy(() -> MlpParams.of(hp("min-delta=-1"))).hasMessageContaining("min-delta");
        assertThatThrownBy(() -> MlpParams.of(hp("momentum=0.9"))).hasMessageContaining("sgd");
    }

    @Test
    void rmspropDecayIsRhoAndReachesDl4jsUpdater() {
        MlpParams p = MlpParams.of(hp("optimizer=rmsprop", "rho=0.99"));
        assertThat(p.rho()).isEqualTo(0.99);
        assertThat(p.asHyperparameters(false).asMap()).containsEntry("rho", "0.99");
        assertThat(MlpParams.of(hp("optimizer=rmsprop")).rho()).isEqualTo(0.95); // DL4J's default
        var updater = (org.nd4j.linalg.learning.config.RmsProp) NetworkConfigs.updater("rmsprop", 0.001, 0.9, p.rho());
        assertThat(updater.getRmsDecay()).isEqualTo(0.99);
        assertThat(updater.getLearningRate()).isEqualTo(0.001);
        assertThat(MlpParams.logistic(hp("optimizer=rmsprop", "rho=0.9")).rho()).isEqualTo(0.9);
        assertThatThrownBy(() -> MlpParams.of(hp("rho=0.9"))).isInstanceOf(UsageException.class).hasMessageContaining("rmsprop");
        assertThatThrownBy(() -> MlpParams.of(hp("optimizer=rmsprop", "rho=1"))).hasMessageContaining("rho");
        assertThat(MlpParams.of(hp("optimizer=adam")).asHyperparameters(false).asMap()).doesNotContainKey("rho");
    }

    @Test
    void earlyStoppingDirections() {
        EarlyStopping loss = new EarlyStopping("val_loss", 2, 0.1, true, true);
        assertThat(loss.improves(0.5, Double.NaN)).isTrue();
        assertThat(loss.improves(0.45, 0.5)).isFalse();
        assertThat(loss.improves(0.35, 0.5)).isTrue();
        assertThat(loss.improves(Double.NaN, 0.5)).isFalse();
        EarlyStopping auc = new EarlyStopping("val_pr_auc", 2, 0, true, true);
        assertThat(auc.improves(0.6, 0.5)).isTrue();
        assertThat(auc.improves(0.5, 0.5)).isFalse();
        EarlyStopping training = new EarlyStopping("loss", 2, 0, true, true);
        assertThat(training.improves(0.4, 0.5)).as("the training loss is minimised too").isTrue();
        assertThat(training.needsValidation()).isFalse();
        assertThat(loss.needsValidation()).isTrue();
    }

    @Test
    void autoencoderDefaultsAndChecks() {
        AutoencoderParams p = AutoencoderParams.of(Hyperparameters.empty());
        assertThat(p.layers()).containsExactly(32, 16, 16);
        assertThat(p.activations()).containsExactly("tanh", "relu", "tanh");
        assertThat(p.outputActivation()).isEqualTo("relu");
        assertThat(p.l1Activity()).isEqualTo(1e-3);
        assertThat(p.epochs()).isEqualTo(100);
        assertThat(p.batchSize()).isEqualTo(128);
        assertThat(p.learningRate()).isEqualTo(1e-3);
        assertThat(p.earlyStopping()).isEqualTo(new EarlyStopping("val_loss", 10, 0, true, false));
        assertThat(AutoencoderParams.of(hp("layers=8,4", "output-activation=identity")).activations()).containsExactly("tanh", "tanh");
        assertThatThrownBy(() -> AutoencoderParams.of(hp("hidden=8"))).hasMessageContaining("autoencoder@dl4j").hasMessageContaining("layers");
        assertThatThrownBy(() -> AutoencoderParams.of(hp("early-stopping=val_accuracy"))).hasMessageContaining("early-stopping");
        assertThatThrownBy(() -> AutoencoderParams.of(hp("layers=8,4", "activation=tanh,relu,elu"))).hasMessageContaining("activation");
        assertThatThrownBy(() -> AutoencoderParams.of(hp("output-activation=softmax"))).hasMessageContaining("identity");
        var f = new AutoencoderTrainerFactory();
        assertThat(f.learnsFromNegativesOnly()).isTrue();
        assertThat(f.supportsClassWeights()).isFalse();
        assertThat(f.parameterNames()).contains("layers", "l1-activity", "output-activation", "early-stopping");
    }
}
