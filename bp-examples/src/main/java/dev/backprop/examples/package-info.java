/** The {@code bp} command-line program: its entry point {@link dev.backprop.examples.Main}. */
package dev.backprop.examples;
