/**
 * The conformance kit: one call that checks any activation or loss provider the way bp checks its own
 * built-ins, and a JUnit 5 form of the same checks.
 *
 * <p>{@link dev.backprop.testkit.Conformance} runs the checks and returns a
 * {@link dev.backprop.testkit.ConformanceReport}; {@link dev.backprop.testkit.Conformance#dynamicTests} gives
 * one JUnit dynamic test per check for a {@code @TestFactory}; and
 * {@link dev.backprop.testkit.ActivationContract} and {@link dev.backprop.testkit.LossContract} are abstract
 * test classes that a plug-in's test extends with two lines. Losses are sampled with an
 * {@link dev.backprop.testkit.OutputDomain} and a {@link dev.backprop.testkit.TargetGenerator}.
 */
package dev.backprop.testkit;
