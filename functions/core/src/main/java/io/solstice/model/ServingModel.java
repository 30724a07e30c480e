package io.solstice.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ItemSignalsCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the rank function needs, as the files stored under one model version: the manifest,
 * the network weights, the item signals the features are computed from, and a catalogue snapshot.
 * The SavedModel written beside them is the reference for parity checks and is not needed to rank.
 *
 * @param weights the network that ranks every item, re-orders included
 * @param discoveryWeights the network trained for the discovery question (which item the shopper
 *     never bought will they buy), used when the caller removed the shopper's past items; {@code
 *     null} for models published before it existed
 * @param newcomerWeights the network trained on first-time buyers, used for a shopper without a
 *     past (a guest or a user the model never saw); {@code null} for models published before it
 *     existed
 */
public record ServingModel(
        ModelManifest manifest,
        RankingModelWeights weights,
        ItemSignals signals,
        List<CatalogEntry> catalog,
        RankingModelWeights discoveryWeights,
        RankingModelWeights newcomerWeights) {

    /** A model with one network only. */
    public ServingModel(
            ModelManifest manifest,
            RankingModelWeights weights,
            ItemSignals signals,
            List<CatalogEntry> catalog) {
        this(manifest, weights, signals, catalog, null, null);
    }

    public static final String MANIFEST = "manifest.json";
    public static final String WEIGHTS = "weights.bin";
    public static final String DISCOVERY_WEIGHTS = "weights-discovery.bin";
    public static final String NEWCOMER_WEIGHTS = "weights-newcomer.bin";
    public static final String SIGNALS = "signals.bin";
    public static final String CATALOG = "catalog.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The files to store, by name. */
    public Map<String, byte[]> toFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            files.put(WEIGHTS, weights.toBytes());
            if (discoveryWeights != null) {
                files.put(DISCOVERY_WEIGHTS, discoveryWeights.toBytes());
            }
            if (newcomerWeights != null) {
                files.put(NEWCOMER_WEIGHTS, newcomerWeights.toBytes());
            }
            files.put(SIGNALS, ItemSignalsCodec.encode(signals));
            files.put(CATALOG, JSON.writeValueAsBytes(catalog));
            files.put(MANIFEST, JSON.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * Reads the files {@link #toFiles()} wrote.
     *
     * @throws ModelFormatException when a file is missing or cannot be read, naming it
     */
    public static ServingModel fromFiles(Map<String, byte[]> files) {
        ModelManifest manifest = readJson(files, MANIFEST, new TypeReference<ModelManifest>() {});
        RankingModelWeights weights = RankingModelWeights.fromBytes(require(files, WEIGHTS));
        RankingModelWeights discovery = optionalWeights(files, manifest, DISCOVERY_WEIGHTS);
        RankingModelWeights newcomer = optionalWeights(files, manifest, NEWCOMER_WEIGHTS);
        ItemSignals signals = ItemSignalsCodec.decode(require(files, SIGNALS));
        List<CatalogEntry> catalog =
                readJson(files, CATALOG, new TypeReference<List<CatalogEntry>>() {});
        requireSameFeatures(manifest, weights, WEIGHTS);
        return new ServingModel(manifest, weights, signals, catalog, discovery, newcomer);
    }

    /** A network file the model may have; {@code null} when it has not. */
    private static RankingModelWeights optionalWeights(
            Map<String, byte[]> files, ModelManifest manifest, String name) {
        if (!files.containsKey(name)) {
            return null;
        }
        RankingModelWeights weights = RankingModelWeights.fromBytes(files.get(name));
        requireSameFeatures(manifest, weights, name);
        return weights;
    }

    private static void requireSameFeatures(
            ModelManifest manifest, RankingModelWeights weights, String file) {
        if (!weights.featureNames().equals(manifest.featureNames())) {
            throw new ModelFormatException(
                    "model "
                            + manifest.modelVersion()
                            + ": "
                            + file
                            + " and the manifest disagree on the features: "
                            + weights.featureNames()
                            + " vs "
                            + manifest.featureNames());
        }
    }

    private static byte[] require(Map<String, byte[]> files, String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new ModelFormatException(
                    "model file " + name + " is missing; found " + files.keySet());
        }
        return bytes;
    }

    private static <T> T readJson(Map<String, byte[]> files, String name, TypeReference<T> type) {
        try {
            return JSON.readValue(require(files, name), type);
        } catch (IOException e) {
            throw new ModelFormatException(
                    "model file " + name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
