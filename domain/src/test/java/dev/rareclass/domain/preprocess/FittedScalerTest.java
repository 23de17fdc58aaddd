package dev.rareclass.domain.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.data.FeatureMatrix;
import org.junit.jupiter.api.Test;

class FittedScalerTest {

    @Test
    void standardScalingMatchesScikitLearnsStandardScaler() {
        FeatureMatrix x = FeatureMatrix.ofRows(
                new double[] {1, 10, 5},
                new double[] {2, 20, 5},
                new double[] {4, 60, 5});
        FittedScaler s = FittedScaler.fit(Scaling.STANDARD, x);
        // sklearn: StandardScaler().fit([[1,10,5],[2,20,5],[4,60,5]]).mean_ -> [2.333.., 30, 5]
        //          .scale_ -> [1.24721913, 21.60246899, 1.0]  (constant column gets scale 1)
        assertThat(s.offset()).containsExactly(new double[] {7.0 / 3, 30, 5}, within(1e-6));
        assertThat(s.scale()).containsExactly(new double[] {1.24721913, 21.60246899, 1.0}, within(1e-6));
        FeatureMatrix t = s.apply(x);
        // .transform(...)[0] -> [-1.06904497, -0.9258201, 0.]
        assertThat(t.get(0, 0)).isCloseTo(-1.06904497f, within(1e-5f));
        assertThat(t.get(0, 1)).isCloseTo(-0.9258201f, within(1e-5f));
        assertThat(t.get(2, 2)).isZero();
    }

    @Test
    void noScalingReturnsTheSameValues() {
        FeatureMatrix x = FeatureMatrix.ofRows(new double[] {1, 2}, new double[] {3, 4});
        assertThat(FittedScaler.fit(Scaling.NONE, x).apply(x).data()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void scalerAppliedToNewRowsUsesTheTrainingStatisticsOnly() {
        FittedScaler s = FittedScaler.fit(Scaling.STANDARD, FeatureMatrix.ofRows(new double[] {0}, new double[] {2}));
        FeatureMatrix other = FeatureMatrix.ofRows(new double[] {100});
        assertThat(s.apply(other).get(0, 0)).isEqualTo(99f);
    }
}
