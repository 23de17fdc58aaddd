package dev.rareclass.adapters.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loss chart's caption names the lines it draws: a refit on every row has no validation loss to draw. */
class LearningCurveCaptionTest {

    private static TrainingHistory history(boolean validation) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            epochs.add(new EpochRecord(i, validation ? Map.of("loss", 1.0 / i, "val_loss", 1.1 / i) : Map.of("loss", 1.0 / i)));
        }
        return new TrainingHistory(epochs, 5);
    }

    @Test
    void aHistoryOfTrainingLossOnlyIsNotCaptionedAsValidationLoss() {
        List<Charts.Chart> charts = ModelReportPage.learningCurves(history(false));
        assertThat(charts).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("learning-loss");
            assertThat(c.caption()).startsWith("Training loss per epoch").doesNotContain("validation loss");
        });
    }

    @Test
    void aHistoryWithValidationLossSaysSo() {
        assertThat(ModelReportPage.learningCurves(history(true))).singleElement()
                .satisfies(c -> assertThat(c.caption()).startsWith("Training and validation loss per epoch of the first fit"));
    }
}
