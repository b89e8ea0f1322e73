/**
 * bp's built-in learning-rate schedules, each registered with {@link java.util.ServiceLoader} under its name:
 * {@code constant}, {@code step-decay}, {@code exponential-decay}, {@code cosine} and
 * {@code reduce-on-plateau}. Every one accepts {@code warmup-steps} for a linear warm-up (see
 * {@link dev.backprop.optim.schedule.AbstractSchedule}), so warm-up composes with any of them in the flat
 * {@code name(key=value,...)} form, e.g. {@code step-decay(step-size=30,gamma=0.1,warmup-steps=500)}, or in Java
 * code {@code Schedules.stepDecay().stepSize(30).gamma(0.1).warmupSteps(500).build()} with the typed builders
 * of {@link dev.backprop.optim.schedule.Schedules}. The providers live in the non-exported {@code internal}
 * package.
 */
package dev.backprop.optim.schedule;
