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
 * GFLOP/s against 37 now on one Zen 4 core. Only transposed outputs are summed in scratch rows first.
 *
 * <p>However a tile, block or thread is cut, each entry is the chain of {@link Kernels}: {@code y = 0}, then
 * {@code y = fma(x_p, r_p, y)} for {@code p = 0, 1, …, k−1}, one rounding per step; so both kernels give
 * bit-identical results, for any number of threads.
 */
final class VectorKernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Lanes per vector. */
    private static final int L = SPECIES.length();

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
        return 4 * L;
    }

    /** Output rows {@code [from, to)}, columns {@code [j0, j1)}; only a full row ({@code 0, len}) if transposed. */
    private static void compute(Operands o, int from, int to, int j0, int j1, Scratch s) {
        int k = o.k;
        int len = o.len;
        boolean direct = !o.transposed;
        int chunk = direct ? Math.max(1, to - from) : Math.max(1, Math.min(to - from, Kernels.chunkRows(len)));
        int block = Math.max(1, Math.min(o.rColumns ? GATHERED_BLOCK : DIRECT_BLOCK, k));
        double[] y = direct ? o.c : s.flat(chunk * len);
        double[] gathered = o.rColumns ? s.gathered(block * Math.min(j1 - j0, 4 * L)) : null;
        for (int i0 = from; i0 < to; i0 += chunk) {
            int i1 = Math.min(to, i0 + chunk);
            int yo = direct ? i0 * len : 0;
            for (int t = 0; t < i1 - i0; t++) {
                Arrays.fill(y, yo + t * len + j0, yo + t * len + j1, 0.0);
            }
            for (int p0 = 0; p0 < k; p0 += block) {
                int count = Math.min(k, p0 + block) - p0;
                if (gathered == null) {
                    panel(o, i0, i1 - i0, p0, count, o.r, p0 * o.rld + j0, o.rld, j1 - j0, y, yo + j0);
                } else {
                    // rows p0 … p0+count−1 of R, four vectors of columns at a time, gathered into consecutive
                    // memory, then summed into every row of the chunk
                    for (int j = j0; j < j1; j += 4 * L) {
                        int width = Math.min(4 * L, j1 - j);
                        gather(o, p0, count, j, width, gathered);
                        panel(o, i0, i1 - i0, p0, count, gathered, 0, width, width, y, yo + j);
                    }
                }
            }
            if (!direct) {
                for (int i = i0; i < i1; i++) {
                    Kernels.store(o, i, y, (i - i0) * len);
                }
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
     * {@code Y[t][j] += Σ_{p0 ≤ p < p0+count} X[i0+t][p] R_p[j]} for {@code t < rows}, {@code j < width}, where
     * R_{p0} starts at {@code r[ro]} and R_{p+1} {@code rld} entries after R_p, and Y[t] starts at
     * {@code y[yo + t·len]}.
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
            int yo) {
        int len = o.len;
        double[] x = o.x;
        int xr = o.rowStride;
        int xc = o.colStride;
        int xo = i0 * xr + p0 * xc;
        // rows in tiles of six, then at most one tile of four; the remaining rows (at most three) one at a time
        int sixes = rows / 6 * 6;
        int tiled = sixes + ((rows - sixes) & ~3);
        int j = 0;
        for (; j + 4 * L <= width; j += 4 * L) {
            for (int t = 0; t < sixes; t += 6) {
                tile6x4(x, xo + t * xr, xr, xc, r, ro + j, rld, count, y, yo + t * len + j, len);
            }
            if (tiled > sixes) {
                tile4x4(x, xo + sixes * xr, xr, xc, r, ro + j, rld, count, y, yo + sixes * len + j, len);
            }
        }
        // over the same columns, eight vectors at a time where they fit, so that R streams in long runs
        for (int t = tiled; t < rows; t++) {
            int jj = 0;
            for (; jj + 8 * L <= j; jj += 8 * L) {
                tile1x8(x, xo + t * xr, xc, r, ro + jj, rld, count, y, yo + t * len + jj);
            }
            for (; jj < j; jj += 4 * L) {
                tile1x4(x, xo + t * xr, xc, r, ro + jj, rld, count, y, yo + t * len + jj);
            }
        }
        for (; j + L <= width; j += L) {
            int t = 0;
            for (; t + 4 <= rows; t += 4) {
                tile4x1(x, xo + t * xr, xr, xc, r, ro + j, rld, count, y, yo + t * len + j, len);
            }
            for (; t < rows; t++) {
                tile1x1(x, xo + t * xr, xc, r, ro + j, rld, count, y, yo + t * len + j);
            }
        }
        // the last columns, fewer than a vector, two at a time: two chains side by side, each waiting on its own
        // previous term only
        for (; j + 2 <= width; j += 2) {
            for (int t = 0; t < rows; t++) {
                int yi = yo + t * len + j;
                double sum0 = y[yi];
                double sum1 = y[yi + 1];
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
                double sum = y[yi];
                for (int p = 0, xi = xo + t * xr, ri = ro + j; p < count; p++, xi += xc, ri += rld) {
                    sum = Math.fma(x[xi], r[ri], sum);
                }
                y[yi] = sum;
            }
        }
    }

    /**
     * Six rows by four vectors: twenty-four accumulators, four loads of R and six coefficients per step of p, 24
     * fused multiply-adds (with the four loaded vectors and a coefficient, 29 of the 32 vector registers of
     * AVX-512; measured on Zen 4, 28% faster than four rows by four vectors).
     */
    private static void tile6x4(
            double[] x, int xo, int xr, int xc, double[] r, int ro, int rld, int count, double[] y, int yo, int yld) {
        int y1 = yo + yld;
        int y2 = y1 + yld;
        int y3 = y2 + yld;
        int y4 = y3 + yld;
        int y5 = y4 + yld;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, y, yo);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, y, yo + L);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, y, yo + 2 * L);
        DoubleVector c03 = DoubleVector.fromArray(SPECIES, y, yo + 3 * L);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, y, y1);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, y, y1 + L);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, y, y1 + 2 * L);
        DoubleVector c13 = DoubleVector.fromArray(SPECIES, y, y1 + 3 * L);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, y, y2);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, y, y2 + L);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, y, y2 + 2 * L);
        DoubleVector c23 = DoubleVector.fromArray(SPECIES, y, y2 + 3 * L);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, y, y3);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, y, y3 + L);
        DoubleVector c32 = DoubleVector.fromArray(SPECIES, y, y3 + 2 * L);
        DoubleVector c33 = DoubleVector.fromArray(SPECIES, y, y3 + 3 * L);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, y, y4);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, y, y4 + L);
        DoubleVector c42 = DoubleVector.fromArray(SPECIES, y, y4 + 2 * L);
        DoubleVector c43 = DoubleVector.fromArray(SPECIES, y, y4 + 3 * L);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, y, y5);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, y, y5 + L);
        DoubleVector c52 = DoubleVector.fromArray(SPECIES, y, y5 + 2 * L);
        DoubleVector c53 = DoubleVector.fromArray(SPECIES, y, y5 + 3 * L);
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
            double[] x, int xo, int xr, int xc, double[] r, int ro, int rld, int count, double[] y, int yo, int yld) {
        int y1 = yo + yld;
        int y2 = y1 + yld;
        int y3 = y2 + yld;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, y, yo);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, y, yo + L);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, y, yo + 2 * L);
        DoubleVector c03 = DoubleVector.fromArray(SPECIES, y, yo + 3 * L);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, y, y1);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, y, y1 + L);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, y, y1 + 2 * L);
        DoubleVector c13 = DoubleVector.fromArray(SPECIES, y, y1 + 3 * L);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, y, y2);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, y, y2 + L);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, y, y2 + 2 * L);
        DoubleVector c23 = DoubleVector.fromArray(SPECIES, y, y2 + 3 * L);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, y, y3);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, y, y3 + L);
        DoubleVector c32 = DoubleVector.fromArray(SPECIES, y, y3 + 2 * L);
        DoubleVector c33 = DoubleVector.fromArray(SPECIES, y, y3 + 3 * L);
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
            double[] x, int xo, int xc, double[] r, int ro, int rld, int count, double[] y, int yo) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, y, yo);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, y, yo + L);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, y, yo + 2 * L);
        DoubleVector c3 = DoubleVector.fromArray(SPECIES, y, yo + 3 * L);
        DoubleVector c4 = DoubleVector.fromArray(SPECIES, y, yo + 4 * L);
        DoubleVector c5 = DoubleVector.fromArray(SPECIES, y, yo + 5 * L);
        DoubleVector c6 = DoubleVector.fromArray(SPECIES, y, yo + 6 * L);
        DoubleVector c7 = DoubleVector.fromArray(SPECIES, y, yo + 7 * L);
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
            double[] x, int xo, int xc, double[] r, int ro, int rld, int count, double[] y, int yo) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, y, yo);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, y, yo + L);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, y, yo + 2 * L);
        DoubleVector c3 = DoubleVector.fromArray(SPECIES, y, yo + 3 * L);
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
            double[] x, int xo, int xr, int xc, double[] r, int ro, int rld, int count, double[] y, int yo, int yld) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, y, yo);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, y, yo + yld);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, y, yo + 2 * yld);
        DoubleVector c3 = DoubleVector.fromArray(SPECIES, y, yo + 3 * yld);
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
            double[] x, int xo, int xc, double[] r, int ro, int rld, int count, double[] y, int yo) {
        DoubleVector c = DoubleVector.fromArray(SPECIES, y, yo);
        for (int p = 0, xi = xo, ri = ro; p < count; p++, xi += xc, ri += rld) {
            c = DoubleVector.broadcast(SPECIES, x[xi]).fma(DoubleVector.fromArray(SPECIES, r, ri), c);
        }
        c.intoArray(y, yo);
    }
}
