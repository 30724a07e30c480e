package io.solstice.evaluation;

import io.solstice.event.csv.ColumnMapping;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The evaluation's command-line options: {@code --output=DIR}, {@code --cutoffs=DATE,...}, {@code
 * --window-days=N}, {@code --k=K,...}, and for reading another transactions file {@code
 * --column.FIELD=NAME}, {@code --timestamp-pattern=P} and {@code --zone=ZONE}.
 */
public final class EvaluationOptions {
    private ColumnMapping mapping = ColumnMapping.onlineRetail();
    private EvaluationSettings settings =
            EvaluationSettings.publicProtocol(Path.of("target/evaluation"));

    /** The column mapping to read the transactions file with. */
    public ColumnMapping mapping() {
        return mapping;
    }

    /** The protocol settings. */
    public EvaluationSettings settings() {
        return settings;
    }

    /**
     * Parses {@code --name=value} options; an unknown name or a bad value is an error naming it.
     */
    public static EvaluationOptions parse(List<String> args) {
        EvaluationOptions options = new EvaluationOptions();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException(
                        "Expected options as --name=value, found '" + arg + "'");
            }
            options.apply(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private void apply(String name, String value) {
        if (name.startsWith("column.")) {
            mapping = mapping.withColumn(name.substring("column.".length()), value);
            return;
        }
        switch (name) {
            case "output" -> settings = settings.withOutputDirectory(Path.of(value));
            case "cutoffs" -> settings = settings.withCutoffs(dates(value));
            case "window-days" -> settings = settings.withWindowDays(integer(name, value));
            case "k" -> settings = settings.withKs(integers(name, value));
            case "timestamp-pattern" -> mapping = mapping.withTimestampPattern(value);
            case "zone" -> mapping = mapping.withZone(ZoneId.of(value));
            default ->
                    throw new IllegalArgumentException(
                            "Unknown option --"
                                    + name
                                    + "; expected output, cutoffs, window-days, k, column.FIELD,"
                                    + " timestamp-pattern or zone");
        }
    }

    private static List<LocalDate> dates(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).map(LocalDate::parse).toList();
    }

    private static List<Integer> integers(String name, String value) {
        return Arrays.stream(value.split(",")).map(v -> integer(name, v)).toList();
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Option --" + name + " expects whole numbers, found '" + value + "'", e);
        }
    }
}
