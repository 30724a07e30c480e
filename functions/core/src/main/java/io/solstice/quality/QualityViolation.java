package io.solstice.quality;

/**
 * A limit of {@link QualityThresholds} that a run's data broke.
 *
 * @param rule the rule, e.g. {@code accuracy.zero_price_day}
 * @param figure the measured value (a share from 0 to 1, a count, or days, as the rule says)
 * @param limit the configured limit it broke
 * @param variable the environment variable that sets the limit
 * @param message one sentence naming the rule, the figure, the limit and where it was seen
 */
public record QualityViolation(
        String rule, double figure, double limit, String variable, String message) {}
