/** Numerical verification of gradients by central differences, for networks and for plug-in components. */
package dev.backprop.core.gradcheck;
