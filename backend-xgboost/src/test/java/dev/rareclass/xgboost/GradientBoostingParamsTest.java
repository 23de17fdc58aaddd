package dev.rareclass.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradientBoostingParamsTest {

    private static GradientBoostingParams of(String... pairs) {
        return GradientBoostingParams.of(Hyperparameters.parse(List.of(pairs)));
    }

    @Test
    void defaultsAreXgboostsOwn() {
        GradientBoostingParams p = of();
        assertThat(p).isEqualTo(GradientBoostingParams.DEFAULTS);
        assertThat(p.trees()).isEqualTo(100);
        assertThat(p.maxDepth()).isEqualTo(6);
        assertThat(p.learningRate()).isEqualTo(0.3);
        assertThat(p.subsample()).isEqualTo(1.0);
        assertThat(p.minChildWeight()).isEqualTo(1.0);
        assertThat(p.colsample()).isEqualTo(1.0);
        assertThat(p.lambda()).isEqualTo(1.0);
        assertThat(p.earlyStopping()).isZero();
        assertThat(p.seed()).isEmpty();
        assertThat(p.threads()).isZero(); // the fit's share of the cores
        assertThat(p.boosterSeed(42)).isEqualTo(42);
    }

    @Test
    void everyParameterIsRead() {
        GradientBoostingParams p = of("trees=7", "max-depth=3", "learning-rate=0.05", "subsample=0.8",
                "min-child-weight=2.5", "colsample=0.5", "lambda=0", "early-stopping=10", "seed=-3", "threads=2");
        assertThat(p).isEqualTo(new GradientBoostingParams(7, 3, 0, 0.05, 0.8, 2.5, 0.5, 0, 10, OptionalLong.of(-3), 2));
        assertThat(p.boosterSeed(42)).isEqualTo(-3);
        assertThat(GradientBoostingParams.of(p.toHyperparameters())).isEqualTo(p);
    }

    /**
     * Early stopping is asked for in the network kinds' words (Keras's): the monitor, then the patience. XGBoost watches
     * the validation log-loss only. Earlier builds took the patience itself, which models and recipes recorded.
     */
    @Test
    void earlyStoppingIsWrittenAsTheNetworkKindsWriteIt() {
        assertThat(of("early-stopping=val_loss", "patience=7").earlyStopping()).isEqualTo(7);
        assertThat(of("early-stopping=val_loss").earlyStopping()).isEqualTo(10);
        assertThat(of("early-stopping=none").earlyStopping()).isZero();
        assertThat(of("early-stopping=12").earlyStopping()).isEqualTo(12);
        assertThat(of("early-stopping=0").earlyStopping()).isZero();
        assertThat(of("early-stopping=val_loss", "patience=7").toHyperparameters().asMap())
                .containsEntry("early-stopping", "val_loss").containsEntry("patience", "7");
        assertThat(of().toHyperparameters().asMap()).containsEntry("early-stopping", "none").doesNotContainKey("patience");
        assertThatThrownBy(() -> of("early-stopping=val_pr_auc")).isInstanceOf(UsageException.class)
                .hasMessageContaining("early-stopping=val_pr_auc").hasMessageContaining("none, val_loss");
        assertThatThrownBy(() -> of("patience=5")).isInstanceOf(UsageException.class)
                .hasMessageContaining("patience=5").hasMessageContaining("needs early-stopping=val_loss");
        assertThatThrownBy(() -> of("early-stopping=5", "patience=5")).isInstanceOf(UsageException.class)
                .hasMessageContaining("write early-stopping=val_loss with patience=N");
        assertThatThrownBy(() -> of("early-stopping=val_loss", "patience=0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("patience=0");
    }

    @Test
    void maxNodesGrowsLeafWiseAndLetsTheDepthBeUnlimited() {
        GradientBoostingParams p = of("max-nodes=31", "max-depth=0", "learning-rate=0.1");
        assertThat(p.maxNodes()).isEqualTo(31);
        assertThat(p.maxDepth()).isZero();
        assertThat(GradientBoostingParams.of(p.toHyperparameters())).isEqualTo(p);
        assertThat(GradientBoostingFactory.boosterParams(p, 1, 1, 1)).containsEntry("grow_policy", "lossguide")
                .containsEntry("max_leaves", 31).containsEntry("max_depth", 0);
        assertThat(GradientBoostingFactory.boosterParams(GradientBoostingParams.DEFAULTS, 1, 1, 1))
                .doesNotContainKeys("grow_policy", "max_leaves");
        assertThat(GradientBoostingParams.DEFAULTS.toHyperparameters().asMap()).doesNotContainKey("max-nodes");
        assertThatThrownBy(() -> of("max-depth=0")).isInstanceOf(UsageException.class)
                .hasMessage("parameter max-depth=0 must be an integer in [1, 64] (0, no limit, needs max-nodes)");
    }

    @Test
    void theRecordedParametersLeaveOutAnUngivenSeed() {
        Map<String, String> recorded = GradientBoostingParams.DEFAULTS.toHyperparameters().asMap();
        assertThat(recorded).doesNotContainKey("seed").containsEntry("trees", "100").containsEntry("learning-rate", "0.3");
        assertThat(GradientBoostingParams.of(Hyperparameters.of(recorded))).isEqualTo(GradientBoostingParams.DEFAULTS);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "trees|0|parameter trees=0 is out of range",
            "trees|100001|parameter trees=100001",
            "trees|ten|parameter trees=ten is not an integer",
            "max-depth|0|parameter max-depth=0",
            "max-depth|65|parameter max-depth=65",
            "max-nodes|1|parameter max-nodes=1 must be 0 (no limit) or an integer in [2,",
            "max-nodes|-2|parameter max-nodes=-2",
            "learning-rate|0|parameter learning-rate=0 must be > 0 and <= 1",
            "learning-rate|1.5|parameter learning-rate=1.5",
            "learning-rate|NaN|parameter learning-rate=NaN",
            "subsample|0|parameter subsample=0 must be > 0 and <= 1",
            "subsample|-0.1|parameter subsample=-0.1",
            "min-child-weight|-1|parameter min-child-weight=-1",
            "min-child-weight|Infinity|parameter min-child-weight=Infinity",
            "colsample|0|parameter colsample=0 must be > 0 and <= 1",
            "colsample|2|parameter colsample=2",
            "lambda|-0.5|parameter lambda=-0.5",
            "lambda|x|parameter lambda=x is not a number",
            // XGBoost reads these as floats: 1e39 was refused inside it, an internal error (exit 70)
            "lambda|1e39|parameter lambda=1e39",
            "min-child-weight|1e300|parameter min-child-weight=1e300",
            // and refuses a positive float below the smallest normal one: an internal error too (exit 70)
            "learning-rate|1e-40|parameter learning-rate=1.0E-40 must be at least 1.1754944E-38, the smallest positive",
            "subsample|1e-320|parameter subsample=1.0E-320 must be at least 1.1754944E-38, the smallest positive",
            "colsample|1e-39|parameter colsample=1.0E-39",
            "min-child-weight|1e-45|parameter min-child-weight=1.0E-45",
            "lambda|1e-38|parameter lambda=1.0E-38",
            "early-stopping|-1|parameter early-stopping=-1",
            "seed|1.5|parameter seed=1.5 is not an integer",
            "seed|99999999999999999999|parameter seed=99999999999999999999 is outside the 64-bit range",
            "threads|-1|parameter threads=-1",
            "threads|2000|parameter threads=2000"})
    void aBadValueIsAUsageErrorNamingItAndItsValue(String key, String value, String message) {
        assertThatThrownBy(() -> of(key + "=" + value)).isInstanceOf(UsageException.class).hasMessageContaining(message);
    }

    @Test
    void theRecordItselfRefusesBadValuesNamingThem() {
        assertThatThrownBy(() -> new GradientBoostingParams(0, 6, 0, 0.3, 1, 1, 1, 1, 0, OptionalLong.empty(), 1))
                .isInstanceOf(UsageException.class).hasMessage("parameter trees=0 must be an integer in [1, 100000]");
        assertThatThrownBy(() -> new GradientBoostingParams(1, 6, 0, 0.3, 1, 1, 1, Double.NaN, 0, OptionalLong.empty(), 1))
                .isInstanceOf(UsageException.class)
                .hasMessage("parameter lambda=NaN must be >= 0 and <= 1e38 (XGBoost reads it as a float)");
        assertThatThrownBy(() -> new GradientBoostingParams(1, 6, 0, 0.3, 1, 1, 1, 1, 0, null, 1))
                .isInstanceOf(UsageException.class).hasMessageContaining("seed");
    }

    @Test
    void anUnknownKeyIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> of("eta=0.1"))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown parameter 'eta' for gradient-boosting@xgboost; known: colsample, early-stopping, "
                        + "lambda, learning-rate, max-depth, max-nodes, min-child-weight, patience, seed, subsample, threads, "
                        + "trees");
    }

    @Test
    void theFactoryValidatesInCreate() {
        GradientBoostingFactory f = new GradientBoostingFactory();
        assertThat(f.id().toString()).isEqualTo("gradient-boosting@xgboost");
        assertThat(f.parameterNames()).isEqualTo(GradientBoostingParams.NAMES);
        assertThat(f.supportsClassWeights()).isTrue();
        assertThatThrownBy(() -> f.create(Hyperparameters.parse(List.of("trees=-1")))).isInstanceOf(UsageException.class);
    }
}
