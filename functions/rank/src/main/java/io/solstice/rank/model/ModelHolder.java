package io.solstice.rank.model;

import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The container's model: loaded on first use, once, however many requests arrive together, and kept
 * for the life of the container. When no model can be loaded, the failure is remembered for a retry
 * interval (if its kind says so) so that a burst of requests does not each ask S3. Thread-safe. The
 * function produces one as an {@code @ApplicationScoped} bean.
 *
 * <p>A model published after the container loaded one is served by new containers only.
 */
public class ModelHolder {

    private static final Logger LOG = Logger.getLogger(ModelHolder.class);

    private final Supplier<ServedModel> loader;

    private final long retryNanos;

    private volatile ServedModel model;

    private ModelUnavailableException failure;

    private long failedAt;

    /**
     * @param loader reads the model, e.g. {@link ModelLoader#load()}; throws {@link
     *     ModelUnavailableException} when it cannot
     * @param retryInterval how long a remembered failure is answered without asking S3 again
     */
    public ModelHolder(Supplier<ServedModel> loader, Duration retryInterval) {
        this.loader = loader;
        this.retryNanos = retryInterval.toNanos();
    }

    /**
     * The model, loading it first when needed.
     *
     * @throws ModelUnavailableException when none can be loaded, now or within the retry interval
     */
    public ServedModel current() {
        ServedModel loaded = model;
        return loaded != null ? loaded : loadOnce();
    }

    private synchronized ServedModel loadOnce() {
        if (model != null) {
            return model;
        }
        if (failure != null && System.nanoTime() - failedAt < retryNanos) {
            throw new ModelUnavailableException(failure.kind(), failure.getMessage(), failure);
        }

        try {
            model = loader.get();
            failure = null;
            return model;
        } catch (ModelUnavailableException e) {
            remember(e);
            throw e;
        }
    }

    private void remember(ModelUnavailableException e) {
        LOG.warnf(
                "model unavailable kind=%s retryAfterMs=%d error=%s",
                e.kind(), e.kind().remembered() ? retryNanos / 1_000_000 : 0, e.getMessage());
        if (e.kind().remembered()) {
            failure = e;
            failedAt = System.nanoTime();
        }
    }
}
