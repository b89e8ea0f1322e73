package dev.backprop.core.registry;

/**
 * What {@link Registry#replacing(dev.backprop.core.spi.ComponentProvider, AliasPolicy)} does with the aliases of
 * the provider it replaces: a faster {@code identity} that does not itself answer to {@code linear} can keep that
 * alias, or let it go. Either way the registry logs which aliases were kept or dropped.
 */
public enum AliasPolicy {
    /** The replaced provider's aliases find the replacement. */
    KEEP,
    /** The replaced provider's aliases are dropped; only the replacement's own aliases find it. */
    DROP
}
