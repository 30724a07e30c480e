package io.solstice.train.job;

import io.solstice.feature.CandidateFeatures;
import io.solstice.model.ModelManifest;
import io.solstice.model.ServingModel;
import io.solstice.store.s3.ModelIntegrityException;
import io.solstice.store.s3.ModelRepository;
import io.solstice.store.s3.StoredModel;
import io.solstice.train.evaluation.SeasonalModelRecommender;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Reads the model being served, for the {@link PromotionGate} to compare a new one with. */
final class ServedModels {

    private static final Logger LOG = Logger.getLogger(ServedModels.class);

    private ServedModels() {}

    /**
     * The served model as the gate sees it.
     *
     * @param comparableWeights its weights, when it reads the features this build computes
     * @param gateView what the gate needs to know; empty when no model was ever published
     */
    record Served(
            Optional<SeasonalModelRecommender.Networks> comparableWeights,
            Optional<PromotionGate.Serving> gateView) {

        static Served none() {
            return new Served(Optional.empty(), Optional.empty());
        }
    }

    /**
     * Reads {@code models/CURRENT}. A served model that cannot be read or that was trained on other
     * features is reported as not comparable, so that a good new model can replace it.
     *
     * @param validationDate first day of the window the new model is validated on
     */
    static Served current(ModelRepository models, LocalDate validationDate) {
        Optional<StoredModel> stored;
        try {
            stored = models.loadCurrent();
        } catch (ModelIntegrityException e) {
            LOG.warnf("served model unreadable version=%s error=%s", e.version(), e.getMessage());
            return unreadable(e.version(), e.getMessage());
        }
        if (stored.isEmpty()) {
            return Served.none();
        }

        String version = stored.get().version();
        ServingModel model;
        try {
            model = ServingModel.fromFiles(stored.get().files());
        } catch (RuntimeException e) {
            return unreadable(version, e.getMessage());
        }
        if (!model.weights().featureNames().equals(CandidateFeatures.NAMES)) {
            return new Served(
                    Optional.empty(),
                    Optional.of(
                            PromotionGate.Serving.incomparable(
                                    version, "it was trained on other features")));
        }
        return new Served(
                Optional.of(
                        new SeasonalModelRecommender.Networks(
                                model.weights(),
                                model.discoveryWeights(),
                                model.newcomerWeights())),
                Optional.of(
                        new PromotionGate.Serving(
                                version,
                                true,
                                "",
                                daysOfWindowSeen(model.manifest(), validationDate),
                                Optional.ofNullable(
                                        model.manifest().metrics().get(PromotionGate.LIFT_ALL)))));
    }

    private static Served unreadable(String version, String message) {
        return new Served(
                Optional.empty(),
                Optional.of(
                        PromotionGate.Serving.incomparable(
                                version, "it cannot be read: " + message)));
    }

    /** Days of the validation window that the served model's training data covered. */
    private static long daysOfWindowSeen(ModelManifest manifest, LocalDate validationDate) {
        try {
            LocalDate lastDay = LocalDate.parse(manifest.dataTo());
            return Math.max(0, lastDay.toEpochDay() - validationDate.toEpochDay() + 1);
        } catch (DateTimeParseException | NullPointerException e) {
            return Long.MAX_VALUE;
        }
    }
}
