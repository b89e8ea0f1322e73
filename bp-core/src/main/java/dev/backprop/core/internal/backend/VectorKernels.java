package dev.backprop.core.internal.backend;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products of {@link Kernels} on the Vector API ({@code jdk.incubator.vector}), used when that module is
 * present (Java started with {@code --add-modules jdk.incubator.vector}); only {@link EjmlProducts} loads this
 * class, and only then.
 *
 * <p>Register-tiled: a tile of six output rows by four vectors of columns is summed in 24 vector registers over
 * a block of {@code p}, so that each vector of R loaded from memory serves six rows and each coefficient of X
 * four vectors, with one fused multiply-add per pair. Rows that fill no tile of six are summed four, then one
 * at a time, columns that fill no tile one vector at a time, and the last columns that fill no vector one
 * entry at a time.
 * Vectors load and store at any offset, so the rows of a row-major right operand are read in place and output
 * rows are summed directly in the output: nothing is copied, which is what makes a batch of one sample (where
 * a copy of the weights costs as much as the product) fast. Only rows of R that are columns of a matrix
 * ({@code A Bᵀ}, and the transposed orientation) are gathered, a panel of {@link #GATHERED_BLOCK} rows by four
 * vectors at a time, whatever the width: gathered as whole rows into 2,048 doubles, blocks of R were only four
 * rows long when its rows have 1,024 entries, and {@code A Bᵀ} for 256 × 1024 times (1024 × 1024)ᵀ ran at 10
 * GFLOP/s against 37 now on one Zen 4 core. An output of fewer than {@link #DOT_ROWS} rows gathers nothing: each
 * of its entries is a dot product of a row of X with a column of R read in place (at batch 1, the gradient of a
 * layer's input). Only transposed outputs are summed in scratch rows first.
 *
 * <p>However a tile, block or thread is cut, each entry is the chain of {@link Kernels}: {@code y = 0}, then
 * {@code y = fma(x_p, r_p, y)} for {@code p = 0, 1, …, k−1}, one rounding per step; so both kernels give
 * bit-identical results, for any number of threads.
 */
final class VectorKernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Lanes per vector. */
    private static final int L = SPECIES.length();

    /** Columns per tile and per gathered panel: four vectors. */
    private static final int PANEL = 4 * L;

    /**
     * Rows of R per block when R is read in place: a panel of a tile's four vectors over 128 rows is 32 KiB at 8
     * lanes, the level-1 data cache, and stays there while every tile of rows passes over it.
     */
    static final int DIRECT_BLOCK = 128;

    /** Output rows of the largest tile: a share of rows split between threads is best a multiple of it. */
    static final int TILE_ROWS = 6;

    /**
     * Rows of R per panel gathered from its columns: a panel of four vectors of columns over 64 rows is 16 KiB
     * at 8 lanes, half the level-1 data cache.
     */
    static final int GATHERED_BLOCK = 64;

    /** Output rows below which R is not gathered from columns: see {@link #dots}. */
    static final int DOT_ROWS = 4;

    private VectorKernels() {}

    /** Lanes per vector; loading this class fails where the Vector API is missing. */
    static int lanes() {
        return L;
    }

    /**
     * Output rows {@code [from, to)} of the product described by {@code o}.
     *
     * @param o the operands. Not modified; the output rows (or columns) from … to−1 are overwritten.
     * @param s this thread's scratch memory. Modified.
     */
    static void rows(Operands o, int from, int to, Scratch s) {
        compute(o, from, to, 0, o.len, s);
    }

    /**
     * Columns {@code [from, to)} of all {@code rows} output rows of a product whose R is gathered from columns
     * ({@code o.rColumns}) into an output that is not transposed: split this way between threads, each column of
     * R is gathered once, whereas each share of rows would gather all of R again.
     *
     * @param o the operands. Not modified; those columns of the output are overwritten.
     * @param s this thread's scratch memory. Modified.
     */
    static void columns(Operands o, int rows, int from, int to, Scratch s) {
        compute(o, 0, rows, from, to, s);
    }

    /** Columns per panel of gathered R: a share of columns split between threads is best a multiple of it. */
    static int panelColumns() {
        return PANEL;
    }

    /** Output rows {@code [from, to)}, columns {@code [j0, j1)}; only a full row ({@code 0, len}) if transposed. */
    private static void compute(Operands o, int from, int to, int j0, int j1, Scratch s) {
        int k = o.k;
        int len = o.len;
        boolean direct = !o.transposed;
        int chunk = direct ? Math.max(1, to - from) : Math.max(1, Math.min(to - from, Kernels.chunkRows(len)));
        int block = Math.max(1, Math.min(o.rColumns ? GATHERED_BLOCK : DIRECT_BLOCK, k));
        double[] y = direct ? o.c : s.flat(chunk * len);
        // fewer rows than a tile: no gathering, each entry summed alone from a row of X and a column of o.r
        boolean dots = o.rColumns && to - from < DOT_ROWS;
        double[] gathered = o.rColumns && !dots ? s.gathered(block * Math.min(j1 - j0, PANEL)) : null;
        for (int i0 = from; i0 < to; i0 += chunk) {
            int i1 = Math.min(to, i0 + chunk);
            int yo = direct ? i0 * len : 0;
            if (dots) {
                dots(o, i0, i1 - i0, j0, j1, y, yo);
            } else {
                sums(o, i0, i1 - i0, j0, j1, block, gathered, y, yo);
            }
            if (!direct) {
                for (int i = i0; i < i1; i++) {
                    Kernels.store(o, i, y, (i - i0) * len);
                }
            }
        }
    }

    /**
     * Output rows {@code [i0, i0 + rows)}, columns {@code [j0, j1)}, summed by tiles over blocks of {@code block}
     * rows of R: read in place, or gathered into {@code gathered} when they are columns of {@code o.r}.
     */
    private static void sums(
            Operands o, int i0, int rows, int j0, int j1, int block, double[] gathered, double[] y, int yo) {
        int k = o.k;
        // the first block of p starts every sum from zero, so the output is not cleared first; with no p at all,
        // the product is zero
        if (k == 0) {
            for (int t = 0; t < rows; t++) {
                Arrays.fill(y, yo + t * o.len + j0, yo + t * o.len + j1, 0.0);
            }
        }
        for (int p0 = 0; p0 < k; p0 += block) {
            int count = Math.min(k, p0 + block) - p0;
            if (gathered == null) {
                panel(o, i0, rows, p0, count, o.r, p0 * o.rld + j0, o.rld, j1 - j0, y, yo + j0, p0 == 0);
            } else {
                // rows p0 … p0+count−1 of R, four vectors of columns at a time, gathered into consecutive
                // memory, then summed into every row of the chunk
                for (int j = j0; j < j1; j += PANEL) {
                    int width = Math.min(PANEL, j1 - j);
                    gather(o, p0, count, j, width, gathered);
                    panel(o, i0, rows, p0, count, gathered, 0, width, width, y, yo + j, p0 == 0);
                }
            }
        }
    }

    /**
     * {@code Y[t][j] = Σ_{p<k} X[i0+t][p] R_p[j]} for {@code t < rows}, {@code j0 ≤ j < j1}, where R's rows are
     * columns of {@code o.r} ({@code R_p[j] = o.r[j·rld + p]}), read in place: eight entries side by side, each one
     * chain over all of p that reads its column of {@code o.r} in one run. Y[t] starts at {@code y[yo + t·len]}.
     */
    private static void dots(Operands o, int i0, int rows, int j0, int j1, double[] y, int yo) {
        double[] x = o.x;
        double[] r = o.r;
        int xc = o.colStride;
        int rld = o.rld;
        int k = o.k;
        for (int t = 0; t < rows; t++) {
            int xo = (i0 + t) * o.rowStride;
            int yi = yo + t * o.len;
            int j = j0;
            for (; j + 8 <= j1; j += 8) {
                int r0 = j * rld;
                double sum0 = 0.0;
                double sum1 = 0.0;
                double sum2 = 0.0;
                double sum3 = 0.0;
                double sum4 = 0.0;
                double sum5 = 0.0;
                double sum6 = 0.0;
                double sum7 = 0.0;
                for (int p = 0, xi = xo, ri = r0; p < k; p++, xi += xc, ri++) {
                    double a = x[xi];
                    sum0 = Math.fma(a, r[ri], sum0);
                    sum1 = Math.fma(a, r[ri + rld], sum1);
                    sum2 = Math.fma(a, r[ri + 2 * rld], sum2);
                    sum3 = Math.fma(a, r[ri + 3 * rld], sum3);
                    sum4 = Math.fma(a, r[ri + 4 * rld], sum4);
                    sum5 = Math.fma(a, r[ri + 5 * rld], sum5);
                    sum6 = Math.fma(a, r[ri + 6 * rld], sum6);
                    sum7 = Math.fma(a, r[ri + 7 * rld], sum7);
                }
                y[yi + j] = sum0;
                y[yi + j + 1] = sum1;
                y[yi + j + 2] = sum2;
                y[yi + j + 3] = sum3;
                y[yi + j + 4] = sum4;
                y[yi + j + 5] = sum5;
                y[yi + j + 6] = sum6;
                y[yi + j + 7] = sum7;
            }
            for (; j < j1; j++) {
                y[yi + j] = chain(x, xo, xc, r, j * rld, 1, k, 0.0);
            }
        }
    }

    /**
     * Copies entries {@code [j, j + width)} of rows {@code [p0, p0 + count)} of R, which are columns of
     * {@code o.r}: entry {@code j + c} of row p to {@code panel[(p − p0)·width + c]}, each column read in one run.
     */
    private static void gather(Operands o, int p0, int count, int j, int width, double[] panel) {
        double[] r = o.r;
        int rld = o.rld;
        for (int c = 0; c < width; c++) {
            for (int p = 0, ri = (j + c) * rld + p0; p < count; p++) {
                panel[p * width + c] = r[ri + p];
            }
        }
    }

    /**
     * {@code Y[t][j] += Σ_{p0 ≤ p < p0+count} X[i0+t][p] R_p[j]} for {@code t < rows}, {@code j < width} (or
     * {@code =} if {@code fresh}: the first block of the sum), where R_{p0} starts at {@code r[ro]} and R_{p+1}
     * {@code rld} entries after R_p, and Y[t] starts at {@code y[yo + t·len]}.
     */
    private static void panel(
            Operands o,
            int i0,
            int rows,
            int p0,
            int count,
            double[] r,
            int ro,
            int rld,
            int width,
            double[] y,
            int yo,
            boolean fresh) {
        int len = o.len;
        double[] x = o.x;
        int xr = o.rowStride;
        int xc = o.colStride;
        int xo = i0 * xr + p0 * xc;
        // rows in tiles of six, then at most one tile of four; the remaining rows (at most three) one at a time
        int sixes = rows / 6 * 6;
        int tiled = sixes + ((rows - sixes) & ~3);
        int j = 0;
        for (; j + PANEL <= width; j += PANEL) {
            for (int t = 0; t < sixes; t += 6) {
                tile6x4(x, xo + t * xr, xr, xc, r, ro + j, rld, count, y, yo + t * len + j, len, fresh);
            }
            if (tiled > sixes) {
                tile4x4(x, xo + sixes * xr, xr, xc, r, ro + j, rld, count, y, yo + sixes * len + j, len, fresh);
            }
        }
        // over the same columns, eight vectors at a time where they fit, so that R streams in long runs
        for (int t = tiled; t < rows; t++) {
            int jj = 0;
            for (; jj + 8 * L <= j; jj += 8 * L) {
                tile1x8(x, xo + t * xr, xc, r, ro + jj, rld, count, y, yo + t * len + jj, fresh);
            }
            for (; jj < j; jj += PANEL) {
                tile1x4(x, xo + t * xr, xc, r, ro + jj, rld, count, y, yo + t * len + jj, fresh);
            }
        }
        for (; j + L <= width; j += L) {
            int t = 0;
            for (; t + 4 <= rows; t += 4) {
                tile4x1(x, xo + t * xr, xr, xc, r, ro + j, rld, count, y, yo + t * len + j, len, fresh);
            }
            for (; t < rows; t++) {
                tile1x1(x, xo + t * xr, xc, r, ro + j, rld, count, y, yo + t * len + j, fresh);
            }
        }
        // the last columns, fewer than a vector, two at a time: two chains side by side, each waiting on its own
        // previous term only
        for (; j + 2 <= width; j += 2) {
            for (int t = 0; t < rows; t++) {
                int yi = yo + t * len + j;
                double sum0 = fresh ? 0.0 : y[yi];
                double sum1 = fresh ? 0.0 : y[yi + 1];
                for (int p = 0, xi = xo + t * xr, ri = ro + j; p < count; p++, xi += xc, ri += rld) {
                    double a = x[xi];
                    sum0 = Math.fma(a, r[ri], sum0);
                    sum1 = Math.fma(a, r[ri + 1], sum1);
                }
                y[yi] = sum0;
                y[yi + 1] = sum1;
            }
        }
        if (j < width) {
            for (int t = 0; t < rows; t++) {
                int yi = yo + t * len + j;
                y[yi] = chain(x, xo + t * xr, xc, r, ro + j, rld, count, fresh ? 0.0 : y[yi]);
            }
        }
    }

    /**
     * {@code sum}, then {@code sum = fma(x[xi + p·xs], r[ri + p·rs], sum)} for {@code p < count}: one entry's chain,
     * one term at a time.
     */
    private static double chain(double[] x, int xi, int xs, double[] r, int ri, int rs, int count, double sum) {
        for (int p = 0; p < count; p++, xi += xs, ri += rs) {
            sum = Math.fma(x[xi], r[ri], sum);
        }
        return sum;
    }

    /** The accumulator for {@code y[i …]}: zero when the sum starts here, else what the output holds. */
    private static DoubleVector start(double[] y, int i, boolean fresh) {
        return fresh ? DoubleVector.zero(SPECIES) : DoubleVector.fromArray(SPECIES, y, i);
    }

    /**
     * Six rows by four vectors: twenty-four accumulators, four loads of R and six coefficients per step of p, 24
     * fused multiply-adds (with the four loaded vectors and a coefficient, 29 of the 32 vector registers of
     * AVX-512; measured on Zen 4, 28% faster than four rows by four vectors).
     */
    private static void tile6x4(
            double[] x,
            int xo,
            int xr,
            int xc,
            double[] r,
            int ro,
            int rld,
            int count,
            double[] y,
            int yo,
            int yld,
            boolean fresh) {
        int y1 = yo + yld;
        int y2 = y1 + yld;
        int y3 = y2 + yld;
        int y4 = y3 + yld;
        int y5 = y4 + yld;
        DoubleVector c00 = start(y, yo, fresh);
        DoubleVector c01 = start(y, yo + L, fresh);
        DoubleVector c02 = start(y, yo + 2 * L, fresh);
        DoubleVector c03 = start(y, yo + 3 * L, fresh);
        DoubleVector c10 = start(y, y1, fresh);
        DoubleVector c11 = start(y, y1 + L, fresh);
        DoubleVector c12 = start(y, y1 + 2 * L, fresh);
        DoubleVector c13 = start(y, y1 + 3 * L, fresh);
        DoubleVector c20 = start(y, y2, fresh);
        DoubleVector c21 = start(y, y2 + L, fresh);
        DoubleVector c22 = start(y, y2 + 2 * L, fresh);
        DoubleVector c23 = start(y, y2 + 3 * L, fresh);
        DoubleVector c30 = start(y, y3, fresh);
        DoubleVector c31 = start(y, y3 + L, fresh);
        DoubleVector c32 = start(y, y3 + 2 * L, fresh);
        DoubleVector c33 = start(y, y3 + 3 * L, fresh);
        DoubleVector c40 = start(y, y4, fresh);
        DoubleVector c41 = start(y, y4 + L, fresh);
        DoubleVector c42 = start(y, y4 + 2 * L, fresh);
        DoubleVector c43 = start(y, y4 + 3 * L, fresh);
        DoubleVector c50 = start(y, y5, fresh);
        DoubleVector c51 = start(y, y5 + L, fresh);
        DoubleVector c52 = start(y, y5 + 2 * L, fresh);
        DoubleVector c53 = start(y, y5 + 3 * L, fresh);
        for (int p = 0, xi = xo, ri = ro; p < count; p++, xi += xc, ri += rld) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, r, ri);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, r, ri + L);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, r, ri + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, r, ri + 3 * L);
            DoubleVector a = DoubleVector.broadcast(SPECIES, x[xi]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            c02 = a.fma(b2, c02);
            c03 = a.fma(b3, c03);
            a = DoubleVector.broadcast(SPECIES, x[xi + xr]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            c12 = a.fma(b2, c12);
            c13 = a.fma(b3, c13);
            a = DoubleVector.broadcast(SPECIES, x[xi + 2 * xr]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            c22 = a.fma(b2, c22);
            c23 = a.fma(b3, c23);
            a = DoubleVector.broadcast(SPECIES, x[xi + 3 * xr]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            c32 = a.fma(b2, c32);
            c33 = a.fma(b3, c33);
            a = DoubleVector.broadcast(SPECIES, x[xi + 4 * xr]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            c42 = a.fma(b2, c42);
            c43 = a.fma(b3, c43);
            a = DoubleVector.broadcast(SPECIES, x[xi + 5 * xr]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            c52 = a.fma(b2, c52);
            c53 = a.fma(b3, c53);
        }
        c00.intoArray(y, yo);
        c01.intoArray(y, yo + L);
        c02.intoArray(y, yo + 2 * L);
        c03.intoArray(y, yo + 3 * L);
        c10.intoArray(y, y1);
        c11.intoArray(y, y1 + L);
        c12.intoArray(y, y1 + 2 * L);
        c13.intoArray(y, y1 + 3 * L);
        c20.intoArray(y, y2);
        c21.intoArray(y, y2 + L);
        c22.intoArray(y, y2 + 2 * L);
        c23.intoArray(y, y2 + 3 * L);
        c30.intoArray(y, y3);
        c31.intoArray(y, y3 + L);
        c32.intoArray(y, y3 + 2 * L);
        c33.intoArray(y, y3 + 3 * L);
        c40.intoArray(y, y4);
        c41.intoArray(y, y4 + L);
        c42.intoArray(y, y4 + 2 * L);
        c43.intoArray(y, y4 + 3 * L);
        c50.intoArray(y, y5);
        c51.intoArray(y, y5 + L);
        c52.intoArray(y, y5 + 2 * L);
        c53.intoArray(y, y5 + 3 * L);
    }

    /** Four rows by four vectors: sixteen accumulators. */
    private static void tile4x4(
            double[] x,
            int xo,
            int xr,
            int xc,
            double[] r,
            int ro,
            int rld,
            int count,
            double[] y,
            int yo,
            int yld,
            boolean fresh) {
        int y1 = yo + yld;
        int y2 = y1 + yld;
        int y3 = y2 + yld;
        DoubleVector c00 = start(y, yo, fresh);
        DoubleVector c01 = start(y, yo + L, fresh);
        DoubleVector c02 = start(y, yo + 2 * L, fresh);
        DoubleVector c03 = start(y, yo + 3 * L, fresh);
        DoubleVector c10 = start(y, y1, fresh);
        DoubleVector c11 = start(y, y1 + L, fresh);
        DoubleVector c12 = start(y, y1 + 2 * L, fresh);
        DoubleVector c13 = start(y, y1 + 3 * L, fresh);
        DoubleVector c20 = start(y, y2, fresh);
        DoubleVector c21 = start(y, y2 + L, fresh);
        DoubleVector c22 = start(y, y2 + 2 * L, fresh);
        DoubleVector c23 = start(y, y2 + 3 * L, fresh);
        DoubleVector c30 = start(y, y3, fresh);
        DoubleVector c31 = start(y, y3 + L, fresh);
        DoubleVector c32 = start(y, y3 + 2 * L, fresh);
        DoubleVector c33 = start(y, y3 + 3 * L, fresh);
        for (int p = 0, xi = xo, ri = ro; p < count; p++, xi += xc, ri += rld) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, r, ri);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, r, ri + L);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, r, ri + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, r, ri + 3 * L);
            DoubleVector a = DoubleVector.broadcast(SPECIES, x[xi]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            c02 = a.fma(b2, c02);
            c03 = a.fma(b3, c03);
            a = DoubleVector.broadcast(SPECIES, x[xi + xr]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            c12 = a.fma(b2, c12);
            c13 = a.fma(b3, c13);
            a = DoubleVector.broadcast(SPECIES, x[xi + 2 * xr]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            c22 = a.fma(b2, c22);
            c23 = a.fma(b3, c23);
            a = DoubleVector.broadcast(SPECIES, x[xi + 3 * xr]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            c32 = a.fma(b2, c32);
            c33 = a.fma(b3, c33);
        }
        c00.intoArray(y, yo);
        c01.intoArray(y, yo + L);
        c02.intoArray(y, yo + 2 * L);
        c03.intoArray(y, yo + 3 * L);
        c10.intoArray(y, y1);
        c11.intoArray(y, y1 + L);
        c12.intoArray(y, y1 + 2 * L);
        c13.intoArray(y, y1 + 3 * L);
        c20.intoArray(y, y2);
        c21.intoArray(y, y2 + L);
        c22.intoArray(y, y2 + 2 * L);
        c23.intoArray(y, y2 + 3 * L);
        c30.intoArray(y, y3);
        c31.intoArray(y, y3 + L);
        c32.intoArray(y, y3 + 2 * L);
        c33.intoArray(y, y3 + 3 * L);
    }

    /** One row by eight vectors. */
    private static void tile1x8(
            double[] x, int xo, int xc, double[] r, int ro, int rld, int count, double[] y, int yo, boolean fresh) {
        DoubleVector c0 = start(y, yo, fresh);
        DoubleVector c1 = start(y, yo + L, fresh);
        DoubleVector c2 = start(y, yo + 2 * L, fresh);
        DoubleVector c3 = start(y, yo + 3 * L, fresh);
        DoubleVector c4 = start(y, yo + 4 * L, fresh);
        DoubleVector c5 = start(y, yo + 5 * L, fresh);
        DoubleVector c6 = start(y, yo + 6 * L, fresh);
        DoubleVector c7 = start(y, yo + 7 * L, fresh);
        for (int p = 0, xi = xo, ri = ro; p < count; p++, xi += xc, ri += rld) {
            DoubleVector a = DoubleVector.broadcast(SPECIES, x[xi]);
            c0 = a.fma(DoubleVector.fromArray(SPECIES, r, ri), c0);
            c1 = a.fma(DoubleVector.fromArray(SPECIES, r, ri + L), c1);
            c2 = a.fma(DoubleVector.fromArray(SPECIES, r, ri + 2 * L), c2);
            c3 = a.fma(DoubleVector.fromArray(SPECIES, r, ri + 3 * L), c3);
            c4 = a.fma(DoubleVector.fromArray(SPECIES, r, ri + 4 * L), c4);
            c5 = a.fma(DoubleVector.fromArray(SPECIES, r, ri + 5 * L), c5);
            c6 = a.fma(DoubleVector.fromArray(SPECIES, r, ri + 6 * L), c6);
            c7 = a.fma(DoubleVector.fromArray(SPECIES, r, ri + 7 * L), c7);
        }
        c0.intoArray(y, yo);
        c1.intoArray(y, yo + L);
        c2.intoArray(y, yo + 2 * L);
        c3.intoArray(y, yo + 3 * L);
        c4.intoArray(y, yo + 4 * L);
        c5.intoArray(y, yo + 5 * L);
        c6.intoArray(y, yo + 6 * L);
        c7.intoArray(y, yo + 7 * L);
    }

    /** One row by four vectors. */
    private static void tile1x4(
            double[] x, int xo, int xc, double[] r, int ro, int rld, int count, double[] y, int yo, boolean fresh) {
        DoubleVector c0 = start(y, yo, fresh);
        DoubleVector c1 = start(y, yo + L, fresh);
        DoubleVector c2 = start(y, yo + 2 * L, fresh);
        DoubleVector c3 = start(y, yo + 3 * L, fresh);
        for (int p = 0, xi = xo, ri = ro; p < count; p++, xi += xc, ri += rld) {
            DoubleVector a = DoubleVector.broadcast(SPECIES, x[xi]);
            c0 = a.fma(DoubleVector.fromArray(SPECIES, r, ri), c0);
            c1 = a.fma(DoubleVector.fromArray(SPECIES, r, ri + L), c1);
            c2 = a.fma(DoubleVector.fromArray(SPECIES, r, ri + 2 * L), c2);
            c3 = a.fma(DoubleVector.fromArray(SPECIES, r, ri + 3 * L), c3);
        }
        c0.intoArray(y, yo);
        c1.intoArray(y, yo + L);
        c2.intoArray(y, yo + 2 * L);
        c3.intoArray(y, yo + 3 * L);
    }

    /** Four rows by one vector. */
    private static void tile4x1(
            double[] x,
            int xo,
            int xr,
            int xc,
            double[] r,
            int ro,
            int rld,
            int count,
            double[] y,
            int yo,
            int yld,
            boolean fresh) {
        DoubleVector c0 = start(y, yo, fresh);
        DoubleVector c1 = start(y, yo + yld, fresh);
        DoubleVector c2 = start(y, yo + 2 * yld, fresh);
        DoubleVector c3 = start(y, yo + 3 * yld, fresh);
        for (int p = 0, xi = xo, ri = ro; p < count; p++, xi += xc, ri += rld) {
            DoubleVector b = DoubleVector.fromArray(SPECIES, r, ri);
            c0 = DoubleVector.broadcast(SPECIES, x[xi]).fma(b, c0);
            c1 = DoubleVector.broadcast(SPECIES, x[xi + xr]).fma(b, c1);
            c2 = DoubleVector.broadcast(SPECIES, x[xi + 2 * xr]).fma(b, c2);
            c3 = DoubleVector.broadcast(SPECIES, x[xi + 3 * xr]).fma(b, c3);
        }
        c0.intoArray(y, yo);
        c1.intoArray(y, yo + yld);
        c2.intoArray(y, yo + 2 * yld);
        c3.intoArray(y, yo + 3 * yld);
    }

    /** One row by one vector. */
    private static void tile1x1(
            double[] x, int xo, int xc, double[] r, int ro, int rld, int count, double[] y, int yo, boolean fresh) {
        DoubleVector c = start(y, yo, fresh);
        for (int p = 0, xi = xo, ri = ro; p < count; p++, xi += xc, ri += rld) {
            c = DoubleVector.broadcast(SPECIES, x[xi]).fma(DoubleVector.fromArray(SPECIES, r, ri), c);
        }
        c.intoArray(y, yo);
    }
}
