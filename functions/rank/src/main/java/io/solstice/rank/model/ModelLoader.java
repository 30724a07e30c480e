package io.solstice.rank.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ItemSignals;
import io.solstice.feature.ItemSignalsCodec;
import io.solstice.model.CatalogEntry;
import io.solstice.model.ModelFormatException;
import io.solstice.model.ServingModel;
import io.solstice.store.MissingResourceException;
import io.solstice.store.StoreException;
import io.solstice.store.s3.ModelIntegrityException;
import io.solstice.store.s3.ModelPointer;
import io.solstice.store.s3.ModelRepository;
import io.solstice.store.s3.StoredModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads the served model from S3 and makes it ready to rank.
 *
 * <p>When the network's weights cannot be used (corrupt, an unsupported format, or features other
 * than {@link CandidateFeatures#NAMES}) but the item signals can, the model ranks by seasonal
 * popularity instead, so a shop keeps getting recommendations. Without readable item signals there
 * is nothing to rank with, and {@link #load()} fails.
 */
public final class ModelLoader implements ModelSource {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRepository repository;

    private final String bucket;

    private final SeasonCalendar calendar;

    private final int contextCacheSize;

    /**
     * @param repository the published models
     * @param bucket the repository's bucket, for messages
     * @param calendar seasons and holidays the features use
     * @param contextCacheSize how many (date, country) contexts each model keeps
     */
    public ModelLoader(
            ModelRepository repository,
            String bucket,
            SeasonCalendar calendar,
            int contextCacheSize) {
        this.repository = repository;
        this.bucket = bucket;
        this.calendar = calendar;
        this.contextCacheSize = contextCacheSize;
    }

    /**
     * Reads and prepares the served version.
     *
     * @throws ModelUnavailableException when none is published, it cannot be read, or S3 fails
     */
    public ServedModel load() {
        return load(pointer().orElseThrow(ModelUnavailableException::notPublished));
    }

    /**
     * Reads {@code models/CURRENT}: which version is served and its files' checksums.
     *
     * @return empty when no model was ever published
     * @throws ModelUnavailableException when S3 fails or the bucket does not exist
     */
    @Override
    public Optional<ModelPointer> pointer() {
        try {
            return repository.currentPointer();
        } catch (StoreException e) {
            throw storeFailure(e);
        }
    }

    /**
     * Reads and prepares the version {@code pointer} names, each file checked against its SHA-256.
     *
     * @throws ModelUnavailableException when it cannot be read or S3 fails
     */
    @Override
    public ServedModel load(ModelPointer pointer) {
        long start = System.nanoTime();
        StoredModel stored = fetch(pointer);

        ServedModel model = prepare(stored);
        LOG.infof(
                "model loaded version=%s ranker=%s items=%d publishedAt=%s loadMs=%d",
                model.version(),
                model.usesModel() ? "model" : "seasonal-popularity",
                model.itemCount(),
                stored.publishedAt(),
                (System.nanoTime() - start) / 1_000_000);
        return model;
    }

    private StoredModel fetch(ModelPointer pointer) {
        try {
            return repository.load(pointer);
        } catch (ModelIntegrityException e) {
            throw unreadable(e.version(), e.getMessage(), e);
        } catch (StoreException e) {
            throw storeFailure(e);
        }
    }

    private ModelUnavailableException storeFailure(StoreException e) {
        if (e instanceof MissingResourceException) {
            String message =
                    "the function is misconfigured: S3 bucket '"
                            + bucket
                            + "' does not exist; set SOLSTICE_MODEL_BUCKET (solstice.model-bucket)"
                            + " to the bucket the train job publishes to";
            return new ModelUnavailableException(
                    ModelUnavailableException.Kind.MISSING_BUCKET, message, e);
        }
        String message = "the model store is unavailable, try again shortly: " + e.getMessage();
        return new ModelUnavailableException(
                ModelUnavailableException.Kind.UNREACHABLE, message, e);
    }

    private ServedModel prepare(StoredModel stored) {
        ServingModel model;
        try {
            model = ServingModel.fromFiles(stored.files());
        } catch (RuntimeException e) {
            return popularityOnly(stored, e.getMessage());
        }

        String mismatch = featureMismatch(model);
        if (mismatch != null) {
            return popularityOnly(stored, mismatch);
        }
        return ServedModel.of(stored.version(), model, calendar, contextCacheSize);
    }

    private static String featureMismatch(ServingModel model) {
        List<String> names = model.weights().featureNames();
        if (names.equals(CandidateFeatures.NAMES)) {
            return null;
        }
        return "its network reads the features "
                + names
                + " but this build computes "
                + CandidateFeatures.NAMES
                + "; retrain with this build";
    }

    /** The model's item signals ranked by seasonal popularity, without its network. */
    private ServedModel popularityOnly(StoredModel stored, String problem) {
        LOG.warnf(
                "model weights unusable, ranking by seasonal popularity version=%s problem=%s",
                stored.version(), problem);
        try {
            ItemSignals signals = ItemSignalsCodec.decode(file(stored, ServingModel.SIGNALS));
            List<CatalogEntry> catalog = catalog(stored);
            return ServedModel.of(
                    stored.version(), null, signals, catalog, calendar, contextCacheSize, problem);
        } catch (RuntimeException e) {
            throw unreadable(stored.version(), problem + "; " + e.getMessage(), e);
        }
    }

    private static List<CatalogEntry> catalog(StoredModel stored) {
        try {
            return JSON.readValue(
                    file(stored, ServingModel.CATALOG), new TypeReference<List<CatalogEntry>>() {});
        } catch (IOException e) {
            throw new ModelFormatException(
                    "model file " + ServingModel.CATALOG + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] file(StoredModel stored, String name) {
        Map<String, byte[]> files = stored.files();
        byte[] content = files.get(name);
        if (content == null) {
            throw new ModelFormatException(
                    "model file " + name + " is missing; found " + files.keySet());
        }
        return content;
    }

    private ModelUnavailableException unreadable(String version, String problem, Throwable cause) {
        String message =
                "model "
                        + version
                        + " in bucket "
                        + bucket
                        + " cannot be read: "
                        + problem
                        + "; publish a new version with the train job";
        return new ModelUnavailableException(
                ModelUnavailableException.Kind.UNREADABLE, message, cause);
    }
}
