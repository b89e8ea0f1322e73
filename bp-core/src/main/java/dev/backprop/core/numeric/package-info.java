/** Numerically stable functions shared by activations and losses. */
package dev.backprop.core.numeric;
