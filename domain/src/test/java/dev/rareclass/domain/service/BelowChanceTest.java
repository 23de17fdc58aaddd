package dev.rareclass.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When train says the scores rank the classes the wrong way round: well below 0.5, beyond what few rows explain. */
class BelowChanceTest {

    private static Map<String, Double> counts(double positives, double negatives) {
        return Map.of("tp", positives / 2, "fn", positives / 2, "fp", negatives / 4, "tn", negatives * 3 / 4);
    }

    @Test
    void aLowAucOnManyRowsIsBelowChanceAndOnFewRowsIsNot() {
        // mammography's hold-out: 52 positives, 2,184 negatives; a chance AUC's standard error is 0.0405
        assertThat(TrainService.belowChance(0.341, counts(52, 2184))).isTrue();
        assertThat(TrainService.belowChance(0.40, counts(52, 2184))).isFalse(); // 2.5 standard errors
        // 8 positives and 32 negatives: the standard error is 0.115, and 0.379 is one of them
        assertThat(TrainService.belowChance(0.379, counts(8, 32))).isFalse();
        assertThat(TrainService.belowChance(0.10, counts(8, 32))).isTrue();
        assertThat(TrainService.belowChance(0.46, counts(5000, 50000))).isFalse(); // within the 0.05 band's reach
        assertThat(TrainService.belowChance(0.2, Map.of())).isFalse();
    }
}
