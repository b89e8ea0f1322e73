package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The regularisation keys on the {@link Quadratic}, six steps at the rates of
 * {@link OptimizerReferenceValuesTest}, against numpy. The numpy reference applies per step, in this order
 * (W is weights, b bias; "all" means W and b, "pen" W only unless regularize-bias):
 * <pre>
 *   clip-value c:  G = [clip(g, -c, c) for g in all]
 *   l2, l1:        g = g + l2*p + l1*sign(p)                        for pen
 *   clip-norm c:   n = sqrt(sum((g*g).sum() for g in all)); if n > c: G = [g*(c/n) for g in all]   (Pascanu 2013)
 *   weight-decay:  p = p*(1 - lr*wd)                                for pen   (torch AdamW order: before the step)
 *   the optimizer's step (sgd: p -= lr*g; momentum: v = 0.9*v + g; p -= lr*v)
 *   max-norm c:    n = sqrt((p*p).sum(axis=0)); p = where(n > c, p*(c/n), p)   for pen   (Srivastava 2014)
 * </pre>
 */
class RegularizationTest {

    static Stream<Arguments> references() {
        return Stream.of(
                // biases are not penalised by default: b follows plain sgd (compare OptimizerReferenceValuesTest)
                Arguments.of(
                        "sgd(l2=0.1,l1=0.05)",
                        new double[] {
                            0.39410800000000001,
                            -0.69610079999999996,
                            1.0290256,
                            1.8570363999999999,
                            0.084330000000000002,
                            -0.061340160000000019
                        },
                        new double[] {
                            0.33223836366519999,
                            -0.55600914167311988,
                            0.86240507676304001,
                            1.7638066400457597,
                            -0.030619671375000011,
                            0.025249900756991992
                        }),
                Arguments.of(
                        "sgd(l2=0.1,l1=0.05,regularize-bias=true)",
                        new double[] {
                            0.39410800000000001,
                            -0.69610079999999996,
                            1.0290256,
                            1.8570363999999999,
                            0.069678879999999999,
                            -0.04733296
                        },
                        new double[] {
                            0.33223836366519999,
                            -0.55600914167311988,
                            0.86240507676304001,
                            1.7638066400457597,
                            -0.045221692366848011,
                            0.040932645871984003
                        }),
                Arguments.of(
                        "sgd(clip-value=0.5)",
                        new double[] {
                            0.41463999999999995,
                            -0.8849999999999999,
                            1.385,
                            1.9113599999999999,
                            0.185,
                            -0.08500000000000002
                        },
                        new double[] {
                            0.36363685600000001,
                            -0.79999999999999982,
                            1.3,
                            1.8523082279999998,
                            0.099999999999999978,
                            -2.0816681711721685e-17
                        }),
                Arguments.of(
                        "sgd(clip-norm=1.0)",
                        new double[] {
                            0.46909921544934385,
                            -0.89462397660725224,
                            1.3240354218289094,
                            1.968697536900665,
                            0.21993108991825874,
                            -0.15030231094710911
                        },
                        new double[] {
                            0.44367859127342113,
                            -0.8143376108847864,
                            1.2001723915520666,
                            1.9419629031261461,
                            0.15652202110384669,
                            -0.10879791486048807
                        }),
                Arguments.of(
                        "sgd(weight-decay=0.5)",
                        new double[] {
                            0.36648999999999993,
                            -0.63899999999999979,
                            0.94748999999999983,
                            1.7012399999999999,
                            0.084330000000000002,
                            -0.061340160000000019
                        },
                        new double[] {
                            0.29533067962499993,
                            -0.48875156249999974,
                            0.77329760662499991,
                            1.5227289959999997,
                            -0.030619671375000011,
                            0.025249900756991992
                        }),
                Arguments.of(
                        "sgd(max-norm=1.2)",
                        new double[] {
                            0.37227544462903955,
                            -0.43771203071038889,
                            0.97598979432457744,
                            1.1053455750277641,
                            0.084330000000000002,
                            -0.061340160000000019
                        },
                        new double[] {
                            0.32813959505467222,
                            -0.39518655562702076,
                            0.85436109196573617,
                            1.1132030754807718,
                            -0.030619671375000011,
                            0.025249900756991992
                        }),
                // every key at once, biases included: checks the order of the transforms
                Arguments.of(
                        "momentum(clip-value=1.0,l2=0.2,l1=0.1,clip-norm=1.5,weight-decay=0.3,max-norm=1.1,"
                                + "regularize-bias=true)",
                        new double[] {
                            0.22740885271313985,
                            -0.29317568614675887,
                            0.7232249294457791,
                            0.86934206188892638,
                            -0.025526996181835959,
                            0.021661699974336979
                        },
                        new double[] {
                            0.016383130961071787,
                            -0.077715411034944948,
                            0.32567975193382376,
                            0.70108245410940218,
                            -0.42962285493893021,
                            0.32456254592331468
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void regularization_sixStepsOnQuadratic_matchNumpy(String spec, double[] afterThree, double[] afterSix) {
        ComponentSpec parsed = ComponentSpec.parse(spec);
        Optimizer optimizer = Registries.discover().optimizers().create(parsed);
        OptimizerReferenceValuesTest.assertSixSteps(optimizer, afterThree, afterSix);
    }

    @Test
    void clipNorm_belowThreshold_leavesGradientUnchanged() {
        // by hand: the gradient (3, 4) has norm 5 <= 5, so it is not scaled
        Parameter p = new Parameter(
                "p", Parameter.Kind.WEIGHT, new DMatrixRMaj(1, 2), new DMatrixRMaj(new double[][] {{3, 4}}));
        Regularization.from("sgd", Config.of("clip-norm", 5.0), 0).transformGradients(List.of(p));
        assertThat(p.gradient().data).containsExactly(3, 4);
    }

    @Test
    void clipNorm_aboveThreshold_scalesToThreshold() {
        // by hand: the gradients (3, 4) and (12) have global norm 13; scaled by 6.5/13 = 0.5
        Parameter w = new Parameter(
                "w", Parameter.Kind.WEIGHT, new DMatrixRMaj(1, 2), new DMatrixRMaj(new double[][] {{3, 4}}));
        Parameter b =
                new Parameter("b", Parameter.Kind.BIAS, new DMatrixRMaj(1, 1), new DMatrixRMaj(new double[][] {{12}}));
        Regularization.from("sgd", Config.of("clip-norm", 6.5), 0).transformGradients(List.of(w, b));
        assertThat(w.gradient().data).containsExactly(1.5, 2);
        assertThat(b.gradient().data).containsExactly(6);
    }

    @Test
    void l1_atZeroWeight_addsNothing() {
        // by hand: sign(0) = 0, so g stays 0.25; sign(-2) = -1, so g = 0.5 - 0.1
        Parameter p = new Parameter(
                "p", Parameter.Kind.WEIGHT, new DMatrixRMaj(new double[][] {{0, -2}}), new DMatrixRMaj(new double[][] {
                    {0.25, 0.5}
                }));
        Regularization.from("sgd", Config.of("l1", 0.1), 0).transformGradients(List.of(p));
        assertThat(p.gradient().data).containsExactly(0.25, 0.4);
    }

    @Test
    void maxNorm_scalesEachColumnOfWeights_andSkipsBiasByDefault() {
        // by hand: column 0 = (3, 4) has norm 5 > 2.5, becomes (1.5, 2); column 1 = (0.6, 0.8) has norm 1, kept;
        // the bias 7 > 2.5 is left alone because regularize-bias is false
        Parameter w = new Parameter(
                "w",
                Parameter.Kind.WEIGHT,
                new DMatrixRMaj(new double[][] {{3, 0.6}, {4, 0.8}}),
                new DMatrixRMaj(2, 2));
        Parameter b =
                new Parameter("b", Parameter.Kind.BIAS, new DMatrixRMaj(new double[][] {{7}}), new DMatrixRMaj(1, 1));
        Regularization.from("sgd", Config.of("max-norm", 2.5), 0).constrain(List.of(w, b));
        assertThat(w.value().data).containsExactly(1.5, 0.6, 2, 0.8);
        assertThat(b.value().data).containsExactly(7);
    }

    @Test
    void negativePenalty_isRefusedWithNameAndValue() {
        assertThatThrownBy(() -> Registries.discover().optimizers().create("adam", Config.of("l2", -0.1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adam l2 must be finite and >= 0, got -0.1");
    }

    @Test
    void nonBooleanRegularizeBias_isRefused() {
        assertThatThrownBy(() -> new Sgd(Config.of("regularize-bias", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sgd")
                .hasMessageContaining("regularize-bias")
                .hasMessageContaining("yes");
    }
}
