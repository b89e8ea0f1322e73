package dev.backprop.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.init.Initializers;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.testing.TestActivations;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NetworkBuilderTest {

    private NetworkBuilder builder() {
        return Network.builder(WorkedExampleTest.emptyRegistries());
    }

    @Test
    void layer_whoseInDiffersFromPreviousOut_isRefusedWithBothNumbersAndIndex() {
        NetworkBuilder b = builder().layer(new LayerSpec(4, 3, true, ComponentSpec.of("tanh")));

        assertThatThrownBy(() -> b.layer(new LayerSpec(5, 2, true, ComponentSpec.of("tanh"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Layer 1 takes in=5 inputs but layer 0 gives out=3 outputs");
    }

    @Test
    void firstLayer_whoseInDiffersFromInputSize_isRefused() {
        assertThatThrownBy(() -> builder().input(3).layer(new LayerSpec(2, 2, true, ComponentSpec.of("tanh"))))
                .hasMessage("Layer 0 takes in=2 inputs but the input has 3 features");
    }

    @Test
    void networkSpec_withBrokenChain_namesLayerAndSizes() {
        assertThatThrownBy(() -> new NetworkSpec(java.util.List.of(
                        new LayerSpec(2, 3, true, ComponentSpec.of("a")),
                        new LayerSpec(3, 4, false, ComponentSpec.of("a")),
                        new LayerSpec(5, 1, true, ComponentSpec.of("a")))))
                .hasMessage("Layer 2 takes in=5 inputs but layer 1 gives out=4 outputs");
    }

    @Test
    void denseWithoutInput_isRefusedWithTheFix() {
        assertThatThrownBy(() -> builder().dense(3, TestActivations.tanh(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("input(size)");
    }

    @Test
    void unknownActivationName_listsWhatIsAvailable() {
        assertThatThrownBy(() -> builder().input(2).dense(2, "rellu").build())
                .hasMessageContaining("Unknown activation 'rellu'")
                .hasMessageContaining("Available: []");
    }

    @Test
    void sameSeed_givesBitIdenticalWeights_differentSeedDoesNot() {
        Network a = builder()
                .input(5)
                .dense(7, TestActivations.tanh(), true)
                .dense(3, TestActivations.tanh(), false)
                .initializer(Initializers.heNormal())
                .seed(123)
                .build();
        Network b = builder()
                .input(5)
                .dense(7, TestActivations.tanh(), true)
                .dense(3, TestActivations.tanh(), false)
                .initializer(Initializers.heNormal())
                .seed(123)
                .build();
        Network c = builder()
                .input(5)
                .dense(7, TestActivations.tanh(), true)
                .dense(3, TestActivations.tanh(), false)
                .initializer(Initializers.heNormal())
                .seed(124)
                .build();

        for (int l = 0; l < 2; l++) {
            assertThat(a.layer(l).weights().data).containsExactly(b.layer(l).weights().data);
            assertThat(a.layer(l).weights().data).isNotEqualTo(c.layer(l).weights().data);
        }
        assertThat(a.layer(0).bias().data).containsOnly(0.0);
    }

    @Test
    void forward_withWrongInputWidth_namesLayerAndShapes() {
        Network net = builder().input(3).dense(2, TestActivations.tanh(), true).build();

        assertThatThrownBy(() -> net.forward(new DMatrixRMaj(5, 4)))
                .hasMessage("Layer 0 expects input of shape (n, 3) but got (5, 4)");
    }

    @Test
    void backward_withWrongGradientShape_namesLayerAndShapes() {
        Network net = builder()
                .input(3)
                .dense(4, TestActivations.tanh(), true)
                .dense(2, TestActivations.tanh(), true)
                .build();
        net.forward(new DMatrixRMaj(5, 3));

        assertThatThrownBy(() -> net.backward(new DMatrixRMaj(5, 3), false))
                .hasMessage("Layer 1 output is (5, 2) but the output gradient is (5, 3)");
    }

    @Test
    void setWeights_withWrongShape_namesExpectedShape() {
        Network net = builder().input(3).dense(2, TestActivations.tanh(), true).build();

        assertThatThrownBy(() -> net.layer(0).setWeights(new double[][] {{1, 2}, {3, 4}}))
                .hasMessage("Layer 0 W is 3x2 but 2 rows were given");
        assertThatThrownBy(() -> net.layer(0).setBias(1, 2, 3)).hasMessage("Layer 0 b has 2 values but 3 were given");
    }

    @Test
    void layerWithoutBias_hasOnlyWeightParameter_andRefusesBiasAccess() {
        Network net = builder().input(3).dense(2, TestActivations.tanh(), false).build();

        assertThat(net.parameters()).extracting(p -> p.name()).containsExactly("layer0.W");
        assertThatThrownBy(() -> net.layer(0).bias()).hasMessageContaining("has no bias");
    }

    @Test
    void dropoutOnLastLayer_isRefused() {
        assertThatThrownBy(() -> builder()
                        .input(3)
                        .dense(2, TestActivations.tanh(), true)
                        .dropout(0.5)
                        .build())
                .hasMessageContaining("last layer (0) cannot have dropout");
    }

    @Test
    void copy_isIndependentAndEqual() {
        Network net = builder()
                .input(3)
                .dense(4, TestActivations.tanh(), true)
                .dense(2, TestActivations.tanh(), true)
                .seed(9)
                .build();
        Network copy = net.copy();
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.1, -0.2, 0.3}});

        assertThat(copy.forward(x).data).containsExactly(net.forward(x).data);
        copy.layer(0).weights().set(0, 0, 42);
        assertThat(net.layer(0).weights().get(0, 0)).isNotEqualTo(42);
    }

    @Test
    void layersByName_withoutAnInputSize_takeTheFirstLayersIn_andAreIndexedFromZero() {
        // test-square is the test plug-in registered in the test class path's services file
        Network net = Network.builder()
                .registries(Registries.discover(getClass().getClassLoader()))
                .layer(3, 2, true, "test-square")
                .layer(2, 1, false, "test-square")
                .build();

        assertThat(net.layer(0).spec().in()).isEqualTo(3);
        assertThat(net.layer(0).index()).isZero();
        assertThat(net.layer(1).index()).isEqualTo(1);
        assertThatThrownBy(() -> net.layer(1).biasGradient())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Layer 1 has no bias (built with bias=false)");
    }

    @Test
    void layerOutsideTheNetwork_isRefused_namingTheValidIndices() {
        Network net = builder()
                .input(2)
                .dense(3, TestActivations.tanh(), true)
                .dense(1, TestActivations.tanh(), true)
                .build();

        assertThat(net.layer(1).spec().out()).isEqualTo(1);
        assertThatThrownBy(() -> net.layer(2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("Layer 2 requested; the network has layers 0..1");
        assertThatThrownBy(() -> net.layer(-1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("Layer -1 requested; the network has layers 0..1");
    }
}
