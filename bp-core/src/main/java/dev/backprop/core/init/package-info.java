/** Weight initialisers: constant, uniform, normal, Xavier/Glorot, He/Kaiming and LeCun. */
package dev.backprop.core.init;
