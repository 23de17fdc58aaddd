package dev.rareclass.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricNameTest {

    @Test
    void everyKeyRoundTripsThroughFromKey() {
        for (MetricName m : MetricName.values()) {
            assertThat(MetricName.fromKey(m.key())).isSameAs(m);
        }
    }

    @Test
    void keysAreTheDocumentedExternalNamesInEnumOrder() {
        assertThat(Arrays.stream(MetricName.values()).map(MetricName::key).toList()).containsExactly(
                "accuracy", "balanced_accuracy", "precision", "recall", "specificity", "f1", "f_beta", "mcc",
                "g_mean", "roc_auc", "pr_auc", "brier", "log_loss", "tp", "fp", "tn", "fn");
    }

    @Test
    void unknownKeyIsRejectedWithTheListOfKnownKeys() {
        assertThatThrownBy(() -> MetricName.fromKey("F1"))
                .isInstanceOf(dev.rareclass.domain.error.UsageException.class)
                .hasMessageContaining("'F1'")
                .hasMessageContaining("balanced_accuracy")
                .hasMessageContaining("log_loss");
    }

    @Test
    void onlyLossesAndErrorCountsAreLowerIsBetter() {
        List<MetricName> lowerIsBetter = Arrays.stream(MetricName.values())
                .filter(m -> !m.higherIsBetter()).toList();
        assertThat(lowerIsBetter).containsExactlyInAnyOrder(
                MetricName.BRIER, MetricName.LOG_LOSS, MetricName.FP, MetricName.FN);
    }
}
