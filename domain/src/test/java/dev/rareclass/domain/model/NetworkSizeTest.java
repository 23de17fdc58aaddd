package dev.rareclass.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSizeTest {

    @Test
    void countsTheWeightsAndBiasesOfEveryDenseLayer() {
        // 30 -> 16 -> 16 -> 1: 31*16 + 17*16 + 17*1, as DL4J's numParams() and Keras's count_params() give it
        assertThat(NetworkSize.parameters(30, List.of(16, 16), 1)).isEqualTo(31 * 16 + 17 * 16 + 17);
        assertThat(NetworkSize.parameters(30, List.of(), 1)).isEqualTo(31); // a logistic regression
        // an autoencoder 8 -> 4 -> 8
        assertThat(NetworkSize.parameters(8, List.of(4), 8)).isEqualTo(9 * 4 + 5 * 8);
    }

    @Test
    void refusesANetworkNoArrayCanHoldNamingTheParameter() {
        assertThatThrownBy(() -> NetworkSize.require("mlp@dl4j", "hidden", 3, List.of(65536, 65536), 1))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("mlp@dl4j: hidden=65536,65536 on 3 input features")
                .hasMessageContaining("4,295,360,513 weights");
        // the largest that fits passes: 46,339 units on 1 input, (1+1)*46339 + 46340 weights
        NetworkSize.require("mlp@dl4j", "hidden", 1, List.of(46339), 1);
        assertThat(NetworkSize.parameters(1, List.of(1 << 30), 1)).isGreaterThan(NetworkSize.MOST);
        assertThatThrownBy(() -> NetworkSize.require("mlp@smile", "hidden", 1, List.of(1 << 30), 1))
                .isInstanceOf(UsageException.class);
    }
}
