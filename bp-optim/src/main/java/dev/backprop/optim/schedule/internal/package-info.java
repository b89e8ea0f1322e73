/**
 * The {@link dev.backprop.core.spi.ScheduleProvider}s of the built-in schedules, found by
 * {@link java.util.ServiceLoader} through {@code provides} in module-info and the {@code META-INF/services} file.
 * Not exported: {@code provides} needs no export, and Java code uses
 * {@link dev.backprop.optim.schedule.Schedules}.
 */
package dev.backprop.optim.schedule.internal;
