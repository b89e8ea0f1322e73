package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Discovery, configuration round trips and the refusal of invalid hyper-parameters. */
class OptimizerConfigTest {

    static Registry<Optimizer, OptimizerProvider> registry() {
        return Registries.discover().optimizers();
    }

    @Test
    void registry_findsEveryBuiltInOptimizer() {
        assertThat(registry().names())
                .containsExactly("adagrad", "adam", "adamw", "momentum", "nesterov", "rmsprop", "rprop", "sgd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "rprop"})
    void config_roundTripsThroughProviderAndText(String name) {
        OptimizerProvider provider = registry().find(name).provider();
        Optimizer optimizer = provider.create(Config.of("lr", 0.125, "clip-norm", 2.0));
        assertThat(optimizer.name()).isEqualTo(name);
        Optimizer again = provider.create(optimizer.config());
        assertThat(again.config()).isEqualTo(optimizer.config());
        Optimizer parsed =
                registry().create(ComponentSpec.parse(optimizer.spec().toString()));
        assertThat(parsed.spec()).isEqualTo(optimizer.spec());
        assertThat(parsed.learningRate()).isEqualTo(0.125);
        assertThat(optimizer.config().asMap())
                .containsKeys(
                        "lr", "l2", "l1", "weight-decay", "clip-value", "clip-norm", "max-norm", "regularize-bias");
    }

    @Test
    void adam_defaults_areThoseOfThePaper() {
        // Kingma and Ba 2015, Algorithm 1: α = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8
        assertThat(Adam.adam(Config.empty()).config().asMap())
                .containsEntry("lr", "0.001")
                .containsEntry("beta1", "0.9")
                .containsEntry("beta2", "0.999")
                .containsEntry("eps", "1.0E-8")
                .containsEntry("weight-decay", "0.0");
    }

    @Test
    void adamw_defaultWeightDecay_isPyTorchs() {
        // torch.optim.AdamW: weight_decay = 0.01
        assertThat(Adam.adamW(Config.empty()).config().asMap()).containsEntry("weight-decay", "0.01");
    }

    @Test
    void rprop_defaults_areStated() {
        assertThat(new Rprop(Config.empty()).config().asMap())
                .containsEntry("eta-plus", "1.2")
                .containsEntry("eta-minus", "0.5")
                .containsEntry("delta0", "0.1")
                .containsEntry("delta-min", "1.0E-6")
                .containsEntry("delta-max", "50.0");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "adam(beta1=1.5)              | adam beta1 must be in [0, 1), got 1.5",
                "adam(beta2=1.0)              | adam beta2 must be in [0, 1), got 1.0",
                "adamw(beta1=-0.1)            | adamw beta1 must be in [0, 1), got -0.1",
                "adam(eps=0)                  | adam eps must be finite and > 0, got 0.0",
                "sgd(lr=-0.01)                | sgd lr must be finite and >= 0, got -0.01",
                "sgd(lr=NaN)                  | sgd lr must be finite and >= 0, got NaN",
                "momentum(lr=Infinity)        | momentum lr must be finite and >= 0, got Infinity",
                "momentum(momentum=1.0)       | momentum momentum must be in [0, 1), got 1.0",
                "nesterov(momentum=-0.5)      | nesterov momentum must be in [0, 1), got -0.5",
                "rmsprop(rho=1.0)             | rmsprop rho must be in [0, 1), got 1.0",
                "adagrad(eps=-1e-10)          | adagrad eps must be finite and > 0, got -1.0E-10",
                "adagrad(initial-accumulator=-1) | adagrad initial-accumulator must be finite and >= 0, got -1.0",
                "rprop(eta-plus=1.0)          | rprop eta-plus must be finite and > 1, got 1.0",
                "rprop(eta-minus=1.0)         | rprop eta-minus must be in (0, 1), got 1.0",
                "rprop(delta0=100)            | rprop needs delta-min <= delta0 <= delta-max, got delta-min=1.0E-6, "
                        + "delta0=100.0, delta-max=50.0",
                "sgd(l1=-1)                   | sgd l1 must be finite and >= 0, got -1.0",
                "adamw(weight-decay=-0.01)    | adamw weight-decay must be finite and >= 0, got -0.01",
                "sgd(clip-norm=-1)            | sgd clip-norm must be finite and >= 0, got -1.0",
                "sgd(max-norm=-2)             | sgd max-norm must be finite and >= 0, got -2.0",
            })
    void invalidHyperParameter_isRefusedWithNameAndValue(String spec, String message) {
        assertThatThrownBy(() -> registry().create(ComponentSpec.parse(spec)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void unknownKey_isRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> registry().create(ComponentSpec.parse("adam(beta=0.9)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[beta]")
                .hasMessageContaining("optimizer 'adam'")
                .hasMessageContaining("beta1");
    }

    @Test
    void nonNumericValue_isRefusedNamingTheOptimizer() {
        assertThatThrownBy(() -> registry().create(ComponentSpec.parse("sgd(lr=fast)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sgd: Parameter 'lr' must be a number, got 'fast'");
    }
}
