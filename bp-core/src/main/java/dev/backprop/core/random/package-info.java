/** Seeded randomness that gives the same numbers on every JVM. */
package dev.backprop.core.random;
