package io.solstice.local.internal;

import java.time.Duration;

/** Sleeps, turning an interrupt into an unchecked exception with the flag restored. */
public final class Sleeper {

    private Sleeper() {}

    /** Sleeps for the duration; throws {@link IllegalStateException} when interrupted. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
