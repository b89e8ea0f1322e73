/**
 * Registries: the providers of each kind found with {@link java.util.ServiceLoader}, looked up by name,
 * with clear errors for unknown and duplicate names.
 */
package dev.backprop.core.registry;
