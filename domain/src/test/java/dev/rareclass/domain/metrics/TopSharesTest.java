package dev.rareclass.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopSharesTest {

    @Test
    void precisionAndRecallAmongTheHighestScores() {
        // 200 rows: scores 0..199 (row i scores i), positives at rows 199, 198, 190, 150, 10 (5 positives)
        int n = 200;
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        for (int i : new int[] {199, 198, 190, 150, 10}) {
            y[i] = 1;
        }
        List<TopShares.Top> top = TopShares.of(y, s);
        // top 1%: 2 rows (199, 198), both positive; top 5%: 10 rows (190..199), 3 positive; top 10%: 20 rows, 3
        assertThat(top).extracting(TopShares.Top::rows).containsExactly(2, 10, 20);
        assertThat(top).extracting(TopShares.Top::precision).containsExactly(1.0, 0.3, 0.15);
        assertThat(top).extracting(TopShares.Top::recall).containsExactly(0.4, 0.6, 0.6);
        assertThat(top.get(0).threshold()).isEqualTo(198.0);
    }

    @Test
    void tiesAtTheCutCountTogetherAndTinyTablesTakeOneRow() {
        int[] y = {1, 0, 0, 1, 0};
        double[] s = {0.9, 0.9, 0.1, 0.2, 0.3};
        // 1% of 5 rows is one row: the top score 0.9 is tied, so both rows count
        TopShares.Top one = TopShares.of(y, s).get(0);
        assertThat(one.rows()).isEqualTo(2);
        assertThat(one.precision()).isEqualTo(0.5);
        assertThat(one.recall()).isEqualTo(0.5);
        assertThat(TopShares.of(new int[0], new double[0])).isEmpty();
    }

    @Test
    void withoutPositivesTheTopHasAPrecisionAndRecallsZeroDivisionZero() {
        TopShares.Top one = TopShares.of(new int[] {0, 0, 0, 0}, new double[] {0.9, 0.1, 0.2, 0.3}).get(0);
        assertThat(one.rows()).isEqualTo(1);
        assertThat(one.precision()).isZero();
        assertThat(one.recall()).isZero(); // as recall_score's zero_division
    }
}
