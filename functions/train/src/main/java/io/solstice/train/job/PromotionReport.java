package io.solstice.train.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code promotion.json}: the promotion gate's verdict, each check as a sentence, and the
 * validation figures behind it. Published beside a promoted model, and under {@code reports/<run>/}
 * when the model was kept back.
 */
final class PromotionReport {

    static final String FILE_NAME = "promotion.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PromotionReport() {}

    static byte[] json(
            String version, PromotionGate.Decision decision, Map<String, Double> metrics) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("modelVersion", version);
        report.put("promoted", decision.promote());
        report.put("checks", decision.checks());
        report.put("metrics", metrics);
        try {
            return JSON.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write " + FILE_NAME, e);
        }
    }
}
