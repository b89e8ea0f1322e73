package dev.backprop.optim.schedule;

import java.util.Locale;

/** What a decaying schedule counts: epochs (the default) or optimisation steps. Written {@code unit=epoch}. */
public enum ScheduleUnit {

    /** The schedule advances once per epoch. */
    EPOCH,
    /** The schedule advances once per optimisation step (batch). */
    STEP;

    /** The key under which schedules read the unit. */
    public static final String KEY = "unit";

    /** The count this unit reads: {@code epoch} or {@code step}. */
    public long count(long step, int epoch) {
        return this == EPOCH ? epoch : step;
    }

    /** The text form, {@code epoch} or {@code step}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code epoch} or {@code step}, in any case.
     *
     * @param component the schedule's name, for the message
     * @throws IllegalArgumentException naming the component and the text
     */
    public static ScheduleUnit parse(String component, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (ScheduleUnit unit : values()) {
            if (unit.toString().equals(t)) {
                return unit;
            }
        }
        throw new IllegalArgumentException(component + " " + KEY + " must be epoch or step, got '" + text + "'");
    }
}
