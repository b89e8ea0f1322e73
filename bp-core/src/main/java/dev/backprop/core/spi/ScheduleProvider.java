package dev.backprop.core.spi;

/** Service interface for plug-in learning-rate schedules: register an implementation with {@link java.util.ServiceLoader}. */
public interface ScheduleProvider extends ComponentProvider<Schedule> {}
