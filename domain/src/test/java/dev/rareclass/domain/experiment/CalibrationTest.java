package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.error.UsageException;
import org.junit.jupiter.api.Test;

/**
 * Sigmoid and isotonic calibration against scikit-learn 1.x on the same 60 scores and labels. Reference values from
 * {@code sklearn.calibration._sigmoid_calibration(s, y)} and
 * {@code IsotonicRegression(out_of_bounds="clip").fit(s, y).predict([q])}, with
 * {@code s_i = ((37 i) mod 101) / 101} (second case: rounded to one decimal, so scores tie) and
 * {@code y_i = 1} when ({@code (53 i) mod 7 < 2} and {@code s_i > 0.3}) or ({@code s_i > 0.8} and {@code i mod 3 = 0}).
 */
class CalibrationTest {

    private static final int N = 60;

    private static double raw(int i) {
        return ((i * 37) % 101) / 101.0;
    }

    private static int[] labels() {
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = ((i * 53) % 7 < 2 && raw(i) > 0.3) || (raw(i) > 0.8 && i % 3 == 0) ? 1 : 0;
        }
        return y;
    }

    private static double[] scores(boolean rounded) {
        double[] s = new double[N];
        for (int i = 0; i < N; i++) {
            s[i] = rounded ? Math.round(raw(i) * 10) / 10.0 : raw(i);
        }
        return s;
    }

    @Test
    void sigmoidFindsPlattsParametersAsScikitLearn() {
        Calibration c = Calibration.fit("sigmoid", labels(), scores(false));
        // scikit-learn: a = -3.6968799982, b = 3.2766146647 (L-BFGS, so agreement to its tolerance)
        assertThat(c.a()).isCloseTo(-3.6968799982, within(1e-4));
        assertThat(c.b()).isCloseTo(3.2766146647, within(1e-4));
        assertThat(c.apply(0.5)).isCloseTo(1 / (1 + Math.exp(-3.6968799982 * 0.5 + 3.2766146647)), within(1e-5));
        assertThat(c.apply(0.9)).isGreaterThan(c.apply(0.1));
    }

    @Test
    void isotonicInterpolatesAndClipsAsScikitLearn() {
        Calibration c = Calibration.fit("isotonic", labels(), scores(false));
        double[][] expected = {{-1, 0}, {0.05, 0}, {0.333, 0}, {0.5, 0.2625}, {0.61, 0.3}, {0.77, 0.363636363636},
            {0.9, 0.571428571429}, {2, 1}};
        for (double[] e : expected) {
            assertThat(c.apply(e[0])).as("score " + e[0]).isCloseTo(e[1], within(1e-9));
        }
        // only the ends of constant runs are kept (scikit-learn keeps 11 thresholds here)
        assertThat(c.x().length).isLessThanOrEqualTo(11);
    }

    @Test
    void aShiftedCalibrationGivesTheCalibratedProbabilityMovedToTheNewBaseRate() {
        PriorCorrection shift = new PriorCorrection(0.25, 0.01);
        Calibration sigmoid = Calibration.fit("sigmoid", labels(), scores(false));
        Calibration movedSigmoid = sigmoid.shifted(shift);
        Calibration isotonic = Calibration.fit("isotonic", labels(), scores(false));
        Calibration movedIsotonic = isotonic.shifted(shift);
        double[] isoY = isotonic.y();
        double[] movedY = movedIsotonic.y();
        for (int i = 0; i < isoY.length; i++) { // at the points: exact
            assertThat(movedY[i]).isCloseTo(shift.apply(isoY[i]), within(1e-15));
        }
        for (double s = -0.5; s <= 1.5; s += 0.01) {
            // sigmoid: the shift moves the intercept only, so it is exact everywhere
            assertThat(movedSigmoid.apply(s)).as("sigmoid at " + s).isCloseTo(shift.apply(sigmoid.apply(s)), within(1e-12));
            // isotonic: linear between the moved points; the moved map is still monotone and below the unmoved one
            assertThat(movedIsotonic.apply(s)).as("isotonic at " + s).isLessThanOrEqualTo(isotonic.apply(s) + 1e-15)
                    .isLessThanOrEqualTo(movedIsotonic.apply(s + 0.01) + 1e-15);
        }
        assertThat(movedIsotonic.apply(2)).isEqualTo(1.0); // 0 and 1 stay where they are
        assertThat(movedIsotonic.apply(-1)).isEqualTo(0.0);
    }

    @Test
    void isotonicPoolsTiedScoresFirst() {
        Calibration c = Calibration.fit("isotonic", labels(), scores(true));
        double[][] expected = {{0.0, 0}, {0.15, 0}, {0.3, 0}, {0.45, 0.25}, {0.5, 0.25}, {0.7, 0.333333333333},
            {0.85, 0.416666666667}, {1.0, 0.666666666667}};
        for (double[] e : expected) {
            assertThat(c.apply(e[0])).as("score " + e[0]).isCloseTo(e[1], within(1e-9));
        }
    }

    @Test
    void calibratedScoresAreMonotoneInTheRawScore() {
        for (String method : new String[] {"sigmoid", "isotonic"}) {
            Calibration c = Calibration.fit(method, labels(), scores(false));
            double previous = -1;
            for (double s = -0.5; s <= 1.5; s += 0.01) {
                double p = c.apply(s);
                assertThat(p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
                previous = p;
            }
        }
    }

    @Test
    void malformedCalibrationsAreRefused() {
        assertThatThrownBy(() -> new Calibration("isotonic", Double.NaN, Double.NaN, new double[] {0.2, 0.1},
                new double[] {0, 1})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> new Calibration("isotonic", Double.NaN, Double.NaN, new double[] {0.1, 0.2},
                new double[] {0.5, 0.4})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Calibration("isotonic", Double.NaN, Double.NaN, new double[] {0.1},
                new double[] {1.5})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Calibration("sigmoid", Double.POSITIVE_INFINITY, 0, new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Calibration("beta", 1, 0, new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Calibration.method("platt")).isInstanceOf(UsageException.class)
                .hasMessageContaining("none, sigmoid, isotonic");
    }
}
