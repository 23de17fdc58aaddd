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
    void aLossThatIncludesItsPenaltyIsDrawnWithoutIt() {
        // DL4J's training loss includes the L2 penalty, its validation loss does not: 2.7 against 0.8 on sonar
        List<EpochRecord> epochs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            epochs.add(new EpochRecord(i, Map.of("loss", 2.0 + 1.0 / i, TrainingHistory.PENALTY, 2.0, "val_loss",
                    1.1 / i)));
        }
        Charts.Chart chart = ModelReportPage.learningCurves(new TrainingHistory(epochs, 4)).getFirst();
        org.jfree.data.xy.XYDataset data = chart.chart().getXYPlot().getDataset();
        int training = -1;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (data.getSeriesKey(s).equals("training loss less its penalty")) {
                training = s;
            }
        }
        assertThat(training).as("the training line is named for what it draws").isNotNegative();
        for (int i = 0; i < 4; i++) {
            assertThat(data.getYValue(training, i)).isEqualTo(1.0 / (i + 1), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(chart.caption()).contains("less its L1/L2 penalty").contains("2.000 in the last epoch");
        assertThat(ModelReportPage.learningCurves(history(true)).getFirst().caption()).doesNotContain("penalty");
    }

    @Test
    void aHistoryWithValidationLossSaysSo() {
        assertThat(ModelReportPage.learningCurves(history(true))).singleElement()
                .satisfies(c -> assertThat(c.caption()).startsWith("Training and validation loss per epoch of the first fit"));
    }
}
