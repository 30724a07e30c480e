package io.solstice.rank.model;

import io.solstice.store.s3.ModelPointer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The container's model and its life: loaded on first use, once however many requests arrive
 * together; then {@code models/CURRENT} is looked at again at most once per refresh interval, and a
 * newly published version is read, checked against the pointer's SHA-256 sums and swapped in whole.
 * Thread-safe; the function produces one as an {@code @ApplicationScoped} bean.
 *
 * <ul>
 *   <li>A request takes one {@link ModelState} and keeps it: a swap never changes the model of a
 *       request already running.
 *   <li>One request does the check (and the read, when the pointer moved); the others keep ranking
 *       with the served model meanwhile. A Lambda container freezes between invocations, so the
 *       check runs inside a request rather than on a timer.
 *   <li>When the new version cannot be read (missing file, checksum mismatch, undecodable), the
 *       last good model keeps ranking and says so ({@link ModelState#STALE} and the reason); that
 *       version is not read again until the pointer moves. When S3 cannot be reached, the served
 *       model stays as it is and the next interval tries again.
 *   <li>Before any model was loaded, a failure is remembered for the retry interval (if its kind
 *       says so) so that a burst of requests does not each ask S3.
 * </ul>
 *
 * <p>Without a model ever published there is nothing to rank with, not even popularity (the item
 * signals are part of the model), and {@link #current()} throws.
 */
public class ModelHolder {

    private static final Logger LOG = Logger.getLogger(ModelHolder.class);

    private final ModelSource source;

    private final long retryNanos;

    private final long refreshNanos;

    private final LongSupplier nanoTime;

    private final ReentrantLock refreshing = new ReentrantLock();

    private volatile ModelState state;

    private volatile long nextCheckAt;

    private ModelPointer rejected;

    private ModelUnavailableException failure;

    private long failedAt;

    /**
     * @param source reads the pointer and the model, e.g. {@link ModelLoader}
     * @param retryInterval before any model was loaded: how long a remembered failure is answered
     *     without asking S3 again
     * @param refreshInterval once a model is served: the least time between two looks at {@code
     *     models/CURRENT}; zero looks on every request
     * @param nanoTime a monotonic clock in nanoseconds, {@link System#nanoTime()} in production
     */
    public ModelHolder(
            ModelSource source,
            Duration retryInterval,
            Duration refreshInterval,
            LongSupplier nanoTime) {
        this.source = source;
        this.retryNanos = retryInterval.toNanos();
        this.refreshNanos = refreshInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** With the system's monotonic clock. */
    public ModelHolder(ModelSource source, Duration retryInterval, Duration refreshInterval) {
        this(source, retryInterval, refreshInterval, System::nanoTime);
    }

    /**
     * The model to rank one request with, and its status; loads it first when needed, and looks for
     * a newer published version when the refresh interval has passed.
     *
     * @throws ModelUnavailableException when no model was ever loaded and none can be now
     */
    public ModelState current() {
        ModelState served = state;
        if (served == null) {
            return loadFirst();
        }
        if (checkDue() && refreshing.tryLock()) {
            try {
                if (checkDue()) {
                    refresh(served);
                }
            } finally {
                refreshing.unlock();
            }
            return state;
        }
        return served;
    }

    private boolean checkDue() {
        return nanoTime.getAsLong() - nextCheckAt >= 0;
    }

    private synchronized ModelState loadFirst() {
        if (state != null) {
            return state;
        }
        if (failure != null && nanoTime.getAsLong() - failedAt < retryNanos) {
            throw new ModelUnavailableException(failure.kind(), failure.getMessage(), failure);
        }

        try {
            ModelPointer pointer =
                    source.pointer().orElseThrow(ModelUnavailableException::notPublished);
            ModelState loaded = ModelState.fresh(source.load(pointer), pointer);
            nextCheckAt = nanoTime.getAsLong() + refreshNanos;
            failure = null;
            state = loaded;
            return loaded;
        } catch (ModelUnavailableException e) {
            remember(e);
            throw e;
        }
    }

    private void refresh(ModelState served) {
        nextCheckAt = nanoTime.getAsLong() + refreshNanos;
        Optional<ModelPointer> published;
        try {
            published = source.pointer();
        } catch (ModelUnavailableException e) {
            LOG.warnf(
                    "model check failed, keeping served version=%s kind=%s error=%s",
                    served.model().version(), e.kind(), e.getMessage());
            return;
        }

        if (published.isEmpty()) {
            keepStale(served, "models/CURRENT is gone from the bucket", null);
        } else if (published.get().equals(served.pointer())) {
            state = ModelState.fresh(served.model(), served.pointer());
        } else if (!published.get().equals(rejected)) {
            swap(served, published.get());
        }
    }

    private void swap(ModelState served, ModelPointer pointer) {
        try {
            ModelState next = ModelState.fresh(source.load(pointer), pointer);
            state = next;
            rejected = null;
            LOG.infof(
                    "model swapped from=%s to=%s status=%s",
                    served.model().version(), pointer.version(), next.status());
        } catch (ModelUnavailableException e) {
            if (e.kind() == ModelUnavailableException.Kind.UNREACHABLE) {
                LOG.warnf(
                        "model read failed, keeping served version=%s published=%s error=%s",
                        served.model().version(), pointer.version(), e.getMessage());
                return;
            }
            rejected = pointer;
            String reason =
                    "version "
                            + pointer.version()
                            + " is published but cannot be served: "
                            + e.getMessage();
            keepStale(served, reason, pointer.version());
        }
    }

    private void keepStale(ModelState served, String reason, String publishedVersion) {
        state = served.stale(reason);
        LOG.warnf(
                "model stale, serving last good version=%s published=%s reason=%s",
                served.model().version(),
                publishedVersion == null ? "-" : publishedVersion,
                reason);
    }

    private void remember(ModelUnavailableException e) {
        LOG.warnf(
                "model unavailable kind=%s retryAfterMs=%d error=%s",
                e.kind(), e.kind().remembered() ? retryNanos / 1_000_000 : 0, e.getMessage());
        if (e.kind().remembered()) {
            failure = e;
            failedAt = nanoTime.getAsLong();
        }
    }
}
