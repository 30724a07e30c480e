package io.solstice.quality;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The report as a JSON document ({@code quality-report.json}): the gate's verdict first, under
 * {@code gate} ({@code passed} and the {@code violations}), then every field of {@link
 * DataQualityReport}. Times are ISO-8601 strings, shares fractions from 0 to 1.
 */
public final class QualityReportJson {

    /** The file name the train job publishes. */
    public static final String FILE_NAME = "quality-report.json";

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();

    private QualityReportJson() {}

    /** The document for a report and the gate's violations (empty when it passed). */
    public static byte[] write(DataQualityReport report, List<QualityViolation> violations) {
        ObjectNode document = JSON.createObjectNode();
        ObjectNode gate = document.putObject("gate");
        gate.put("passed", violations.isEmpty());
        gate.set("violations", JSON.valueToTree(violations));
        document.setAll((ObjectNode) JSON.valueToTree(report));
        try {
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the data quality report as JSON", e);
        }
    }

    /**
     * Reads the report part of a document written by {@link #write}.
     *
     * @throws IllegalArgumentException when the bytes are not such a document
     */
    public static DataQualityReport read(byte[] json) {
        try {
            return JSON.readValue(json, DataQualityReport.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "not a data quality report document: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the gate's violations of a document written by {@link #write}.
     *
     * @throws IllegalArgumentException when the bytes are not such a document
     */
    public static List<QualityViolation> readViolations(byte[] json) {
        try {
            return List.of(
                    JSON.treeToValue(
                            JSON.readTree(json).path("gate").path("violations"),
                            QualityViolation[].class));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "not a data quality report document: " + e.getMessage(), e);
        }
    }
}
