package io.solstice.store.dynamodb.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential backoff with full jitter: before retry {@code n} (1-based) it sleeps a random
 * time between zero and {@code min(cap, base * 2^(n-1))}.
 *
 * @param base the first delay's upper bound
 * @param cap the largest delay
 * @param maxRetries how many retries are allowed after the first attempt
 */
public record Backoff(Duration base, Duration cap, int maxRetries) {

    /** 25 ms doubling up to 2 s, 10 retries: about 10 s at worst before giving up. */
    public static final Backoff DEFAULT =
            new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2), 10);

    /** Sleeps before the given retry. */
    public void pause(int retry) {
        long bound = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 20));
        long millis = ThreadLocalRandom.current().nextLong(bound + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
