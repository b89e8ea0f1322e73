package dev.backprop.spark;

import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.train.EpochSteps;
import dev.backprop.core.train.TrainingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.ejml.data.DMatrixRMaj;

/**
 * The steps of parameter averaging as the {@link dev.backprop.core.train.EpochLoop} drives them: one step per
 * averaging round of k global batches. {@link #compute} runs the round on the cluster and leaves the averaged
 * weights in the network (and, after the epoch's last round, the averaged optimizer state in the driver's
 * optimizer); the non-finite guard then checks those weights; {@link #complete} counts the round's global
 * batches as steps. The epoch's training loss is the mean loss over every sample the partitions trained on.
 */
final class AveragingRounds implements EpochSteps {

    private final ShardedSamples data;
    private final Broadcast<TrainingSetup> setup;
    private final BatchPlan batching;
    private final int averagingFrequency;
    private final Optimizer optimizer;
    private final Schedule schedule;
    private final List<Parameter> params;

    private Broadcast<EpochPlan> planBroadcast;
    private RoundChain chain;
    private int batches;
    private int rounds;
    private double[] rates;
    private Average average;
    private boolean stepped;
    private double rate;
    private double lossSum;
    private long samples;

    AveragingRounds(
            ShardedSamples data,
            Broadcast<TrainingSetup> setup,
            BatchPlan batching,
            int averagingFrequency,
            Optimizer optimizer,
            Schedule schedule,
            List<Parameter> params) {
        this.data = data;
        this.setup = setup;
        this.batching = batching;
        this.averagingFrequency = averagingFrequency;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.params = params;
    }

    @Override
    public int beginEpoch(int epoch) {
        lossSum = 0;
        samples = 0;
        JavaSparkContext sc = data.context();
        EpochPlan plan = batching.epoch(epoch, data.size());
        planBroadcast = sc.broadcast(plan);
        batches = plan.batchCount();
        rounds = (batches + averagingFrequency - 1) / averagingFrequency;
        chain = new RoundChain(sc, data.shards(), setup, planBroadcast);
        return rounds;
    }

    @Override
    public double compute(int epoch, int r, TrainingContext context) {
        int first = r * averagingFrequency;
        rates = new double[Math.min(averagingFrequency, batches - first)];
        for (int j = 0; j < rates.length; j++) {
            rates[j] = schedule == null
                    ? optimizer.learningRate()
                    : schedule.rate(optimizer.learningRate(), context.step() + j, epoch);
        }
        RoundStart round = new RoundStart(
                first,
                context.step(),
                rates,
                ParameterVector.values(params),
                r == 0 ? OptimizerState.of(optimizer.state()) : OptimizerState.empty());
        boolean last = r == rounds - 1;
        List<PartitionRound> reports = runRound(data.context(), chain, round, last, epoch, r);
        average = average(reports, params);
        if (last) {
            Map<String, DMatrixRMaj> state = averageStates(reports);
            if (!state.isEmpty()) {
                optimizer.restore(state);
            }
        }
        return average.meanLoss();
    }

    @Override
    public void complete(int epoch, int r, TrainingContext context) {
        for (int j = 0; j < rates.length; j++) {
            context.advance();
        }
        stepped = true;
        rate = rates[rates.length - 1];
        lossSum += average.lossSum();
        samples += average.rows();
    }

    @Override
    public void endEpoch(int epoch) {
        try {
            if (chain != null) {
                chain.close();
            }
        } finally {
            chain = null;
            if (planBroadcast != null) {
                planBroadcast.destroy();
                planBroadcast = null;
            }
        }
    }

    @Override
    public double trainLoss() {
        return samples == 0 ? Double.NaN : lossSum / samples;
    }

    @Override
    public double learningRate() {
        return stepped ? rate : optimizer.learningRate();
    }

    /** The averaged weights, which the round leaves in the network. */
    @Override
    public DMatrixRMaj guarded(Parameter parameter) {
        return parameter.value();
    }

    @Override
    public String guardedName() {
        return "averaged weights";
    }

    @Override
    public String stepName() {
        return "averaging round";
    }

    private static List<PartitionRound> runRound(
            JavaSparkContext sc, RoundChain chain, RoundStart round, boolean last, int epoch, int r) {
        String description = String.format(
                Locale.ROOT,
                "bp: averaging round %d of epoch %d (steps %d-%d)",
                r + 1,
                epoch + 1,
                round.firstStep(),
                round.firstStep() + round.rates().length - 1);
        return SparkJobs.run(sc, description, epoch, round.firstStep(), () -> chain.next(round, last));
    }

    /** The weights of one round averaged into the network; the round's loss and samples. */
    private static Average average(List<PartitionRound> reports, List<Parameter> params) {
        long rows = 0;
        double lossSum = 0;
        for (PartitionRound u : reports) {
            rows += u.rows();
            lossSum += u.lossSum();
        }
        if (rows == 0) {
            throw new IllegalStateException("No partition held a sample of the round's batches");
        }
        int length = ParameterVector.length(params);
        double[] averaged = new double[length];
        boolean first = true;
        for (PartitionRound u : reports) {
            if (u.rows() == 0) {
                continue;
            }
            // w = Σ_p (n_p / N) w_p, in partition order
            double f = (double) u.rows() / rows;
            double[] w = u.weights();
            for (int i = 0; i < length; i++) {
                averaged[i] = first ? f * w[i] : averaged[i] + f * w[i];
            }
            first = false;
        }
        ParameterVector.setValues(params, averaged);
        return new Average(rows, lossSum);
    }

    /**
     * Every optimizer-state entry of the partitions that trained in the epoch, averaged with the weights
     * n_p / N of the samples each trained on in the epoch; see the class comment for the rules.
     */
    private static Map<String, DMatrixRMaj> averageStates(List<PartitionRound> reports) {
        List<PartitionRound> trained = new ArrayList<>();
        long rows = 0;
        for (PartitionRound u : reports) {
            if (u.epochRows() > 0) {
                trained.add(u);
                rows += u.epochRows();
            }
        }
        if (trained.isEmpty()) {
            return Map.of();
        }
        List<Map<String, DMatrixRMaj>> states = new ArrayList<>();
        for (PartitionRound u : trained) {
            states.add(u.optimizer().asMap());
        }
        Map<String, DMatrixRMaj> result = new LinkedHashMap<>();
        for (String key : states.get(0).keySet()) {
            DMatrixRMaj first = states.get(0).get(key);
            DMatrixRMaj mean = new DMatrixRMaj(first.numRows, first.numCols);
            int n = first.getNumElements();
            for (int i = 0; i < n; i++) {
                boolean equal = true;
                boolean whole = true;
                double sum = 0;
                for (int p = 0; p < states.size(); p++) {
                    DMatrixRMaj m = states.get(p).get(key);
                    if (m == null || m.getNumElements() != n) {
                        throw new IllegalStateException("Partition "
                                + trained.get(p).partition()
                                + " returned an optimizer state without a " + first.numRows + "x" + first.numCols
                                + " entry '" + key + "'");
                    }
                    double v = m.data[i];
                    equal &= v == first.data[i];
                    whole &= v == Math.rint(v);
                    // s = Σ_p (n_p / N) s_p
                    sum += (double) trained.get(p).epochRows() / rows * v;
                }
                mean.data[i] = equal ? first.data[i] : whole ? Math.rint(sum) : sum;
            }
            result.put(key, mean);
        }
        return result;
    }

    /** A round's totals. */
    private record Average(long rows, double lossSum) {
        double meanLoss() {
            return lossSum / rows;
        }
    }
}
