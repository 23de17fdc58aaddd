package dev.rareclass.domain.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.sampling.CategoricalBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSelectorTest {

    // X = [[1,2,0.5,3],[2,1,0.4,3],[3,4,0.9,3],[4,3,0.1,3],[5,6,0.7,3],[6,5,0.2,3]], y = [0,0,0,1,1,1]
    static final FeatureMatrix X = FeatureMatrix.ofRows(new double[] {1, 2, 0.5, 3}, new double[] {2, 1, 0.4, 3},
            new double[] {3, 4, 0.9, 3}, new double[] {4, 3, 0.1, 3}, new double[] {5, 6, 0.7, 3},
            new double[] {6, 5, 0.2, 3});
    static final Labels Y = Labels.of(0, 0, 0, 1, 1, 1);

    @Test
    void fScoresMatchScikitLearnsFClassif() {
        // sklearn.feature_selection.f_classif(X, y)[0] -> [13.5, 3.5, 1.23076923, nan]
        double[] f = FeatureSelector.fScores(X, Y);
        assertThat(f[0]).isCloseTo(13.5, within(1e-5));
        assertThat(f[1]).isCloseTo(3.5, within(1e-5));
        assertThat(f[2]).isCloseTo(1.23076923, within(1e-5));
        assertThat(f[3]).isNaN();
    }

    @Test
    void keepsTheSameFeaturesAsSelectKBest() {
        // SelectKBest(f_classif, k=2).fit(X, y).get_support(indices=True) -> [0, 1]
        FeatureSelector s = FeatureSelector.fit(X, Y, 2);
        assertThat(s.kept()).containsExactly(0, 1);
        assertThat(s.apply(X).row(2)).containsExactly(3f, 4f);
        // the constant feature ranks last
        assertThat(FeatureSelector.fit(X, Y, 3).kept()).containsExactly(0, 1, 2);
        assertThat(FeatureSelector.fit(X, Y, 10).kept()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void oneHotBlocksShrinkToTheirKeptColumns() {
        FeatureSelector s = new FeatureSelector(new int[] {0, 2, 3, 5}, 6);
        List<CategoricalBlock> blocks = s.blocks(List.of(new CategoricalBlock("c", 1, 3), new CategoricalBlock("d", 4, 1)));
        assertThat(blocks).containsExactly(new CategoricalBlock("c", 1, 2));
    }
}
