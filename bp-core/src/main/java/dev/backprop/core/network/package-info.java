/**
 * The network: dense layers with their parameters and workspaces, the validating builder, and the
 * matrix-form forward and backward passes.
 */
package dev.backprop.core.network;
