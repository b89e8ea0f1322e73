package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Optimizer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Six steps of each optimizer on the {@link Quadratic}, at the rates 0.1, 0.05, 0.08, 0.02, 0.1, 0.05, against
 * values computed independently with numpy (float64) from the published update equations, to 1e-12. Expected
 * arrays are W (row-major) then b, after step 3 and after step 6.
 *
 * <p>The numpy reference, with g = a*(p - c) recomputed before each step and t counting from 1:
 * <pre>
 *   sgd:       p -= lr*g                                                  (Robbins and Monro 1951)
 *   momentum:  v = mu*v + g; p -= lr*v                 mu = 0.9           (torch.optim.SGD docs)
 *   nesterov:  v = mu*v + g; p -= lr*(g + mu*v)        mu = 0.9           (torch.optim.SGD docs, nesterov=True)
 *   adagrad:   s += g*g; p -= lr*g/(sqrt(s) + 1e-10)                      (Duchi et al. 2011; torch.optim.Adagrad)
 *   rmsprop:   s = 0.99*s + 0.01*g*g; p -= lr*g/(sqrt(s) + 1e-8)          (Tieleman and Hinton 2012; torch RMSprop)
 *   adam:      m = 0.9*m + 0.1*g; v = 0.999*v + 0.001*g*g
 *              p -= lr*(m/(1 - 0.9**t))/(sqrt(v/(1 - 0.999**t)) + 1e-8)   (Kingma and Ba 2015, Algorithm 1)
 *   adamw:     W *= 1 - lr*0.01 (weights only), then the adam step        (Loshchilov and Hutter 2019; torch AdamW)
 *   rprop:     prod = g*prev
 *              d = where(prod > 0, min(d*1.2, 50), where(prod < 0, max(d*0.5, 1e-6), d))
 *              g = where(prod < 0, 0, g); prev = g; p -= sign(g)*d        d starts at 0.1, prev at 0
 *                                                                         (iRprop-, Igel and Huesken 2000)
 * </pre>
 */
class OptimizerReferenceValuesTest {

    static final double[] RATES = {0.1, 0.05, 0.08, 0.02, 0.1, 0.05};

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of(
                        "sgd",
                        new double[] {
                            0.41463999999999995,
                            -0.72335999999999989,
                            1.06176,
                            1.9113599999999999,
                            0.084330000000000002,
                            -0.061340160000000019
                        },
                        new double[] {
                            0.36363685600000001,
                            -0.59262643199999987,
                            0.90233236799999994,
                            1.8523082279999998,
                            -0.030619671375000011,
                            0.025249900756991992
                        }),
                Arguments.of(
                        "momentum",
                        new double[] {
                            0.34623999999999999,
                            -0.49907999999999997,
                            0.70319999999999994,
                            1.8408,
                            -0.089550000000000005,
                            0.049482240000000011
                        },
                        new double[] {
                            0.14004251199999998,
                            -0.0070605839999999809,
                            0.18233567999999981,
                            1.59692642625,
                            -0.54058430859375006,
                            0.40286141373235207
                        }),
                Arguments.of(
                        "nesterov",
                        new double[] {
                            0.29058976000000003,
                            -0.3673142399999999,
                            0.57408383999999979,
                            1.77544524,
                            -0.21138790499999999,
                            0.14464352256000007
                        },
                        new double[] {
                            0.107871889742056,
                            -0.065282619712511925,
                            0.42301848471652781,
                            1.5281838205838132,
                            -0.55131765663600074,
                            0.47600420853252973
                        }),
                Arguments.of(
                        "adagrad",
                        new double[] {
                            0.33198808685497694,
                            -0.82552707122688429,
                            1.324551585762894,
                            1.824551585793212,
                            0.12552707123032061,
                            -0.024551585779568987
                        },
                        new double[] {
                            0.27612248403582623,
                            -0.76021208588557554,
                            1.2578393278472315,
                            1.7578393278832627,
                            0.0602120858896317,
                            0.042160672132951271
                        }),
                Arguments.of(
                        "rmsprop",
                        new double[] {
                            0.11500490760463167,
                            -0.30517531759511951,
                            0.69806127343079172,
                            1.1980612647786917,
                            -0.39482468364283896,
                            0.6019387313278648
                        },
                        new double[] {
                            0.098746606943566628,
                            -0.29958533255791159,
                            0.70012907239219901,
                            1.2001290729089134,
                            -0.40041466733675452,
                            0.59987092732360781
                        }),
                Arguments.of(
                        "adam",
                        new double[] {
                            0.27363677389947083,
                            -0.77141802045761476,
                            1.27115886311485,
                            1.7711588680973374,
                            0.071418021029589593,
                            0.028841134144781816
                        },
                        new double[] {
                            0.12404880618869375,
                            -0.60842920508063014,
                            1.1067860993326462,
                            1.6067861082982271,
                            -0.091570793889445029,
                            0.19321389573628406
                        }),
                Arguments.of(
                        "adamw",
                        new double[] {
                            0.27268915981428948,
                            -0.76931086228785484,
                            1.2679067047617882,
                            1.766766276274262,
                            0.071418021029589593,
                            0.028841134144781816
                        },
                        new double[] {
                            0.12289287047994271,
                            -0.60520023658695643,
                            1.1015853915331417,
                            1.5996435373972124,
                            -0.091570793889445029,
                            0.19321389573628406
                        }),
                Arguments.of(
                        "rprop",
                        new double[] {
                            0.13600000000000004,
                            -0.63600000000000001,
                            1.1359999999999999,
                            1.6359999999999999,
                            -0.064000000000000001,
                            0.16399999999999998
                        },
                        new double[] {
                            0.049600000000000047,
                            -0.25584000000000007,
                            0.50700800000000001,
                            1.0070079999999999,
                            -0.44415999999999994,
                            0.79299199999999992
                        }));
    }

    /** Runs six steps of the optimizer named by a spec on the quadratic, checking after steps 3 and 6. */
    static void assertSixSteps(Optimizer optimizer, double[] afterThree, double[] afterSix) {
        Quadratic q = new Quadratic();
        optimizer.initialise(q.parameters);
        for (int s = 0; s < RATES.length; s++) {
            q.gradients();
            optimizer.step(q.parameters, RATES[s]);
            if (s == 2) {
                assertThat(q.values()).as("%s after 3 steps", optimizer).containsExactly(afterThree, within(1e-12));
            }
        }
        assertThat(q.values()).as("%s after 6 steps", optimizer).containsExactly(afterSix, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void optimizer_sixStepsOnQuadratic_matchPublishedEquations(String name, double[] afterThree, double[] afterSix) {
        Optimizer optimizer = Registries.discover().optimizers().create(ComponentSpec.of(name));
        assertSixSteps(optimizer, afterThree, afterSix);
    }
}
