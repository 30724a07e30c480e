package io.solstice.rank.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.model.CatalogEntry;
import io.solstice.model.ServingModel;
import io.solstice.rank.ModelFixture;
import io.solstice.rank.RankRequest;
import io.solstice.rank.RankResponse;
import io.solstice.rank.RankService;
import io.solstice.rank.RankedItemBody;
import io.solstice.rank.shopper.ShopperReader;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.s3.ModelPointer;
import io.solstice.store.s3.ModelRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A model's life in a warm container, against s3rver through the real AWS SDK: a promoted model is
 * picked up after the refresh interval, a broken one leaves the last good model serving and says
 * so, and a swap under load never mixes two models into one answer. Time is a test clock moved by
 * hand, so nothing here waits on the wall clock.
 */
class ModelLifeTest {

    private static final Duration REFRESH = Duration.ofSeconds(60);

    @RegisterExtension static final ModelBuckets BUCKETS = new ModelBuckets();

    /**
     * The service logs a line per request, and the swap tests rank hundreds of thousands of times:
     * its INFO lines would fill the build log. Warnings and errors (a stale model) still show.
     */
    private static final Logger RANK_SERVICE = Logger.getLogger(RankService.class.getName());

    private static Level rankServiceLevel;

    @BeforeAll
    static void quietThePerRequestLog() {
        rankServiceLevel = RANK_SERVICE.getLevel();
        RANK_SERVICE.setLevel(Level.WARNING);
    }

    @AfterAll
    static void restoreThePerRequestLog() {
        RANK_SERVICE.setLevel(rankServiceLevel);
    }

    private final AtomicLong now = new AtomicLong();

    private final AtomicInteger reads = new AtomicInteger();

    private String bucket;

    private ModelRepository repository;

    private ModelLoader loader;

    private EventStore noEvents;

    @BeforeEach
    void createBucket() {
        ModelBuckets.Bucket models = BUCKETS.newBucket("life-");
        bucket = models.name();
        repository = models.repository();
        loader = models.loader();
    }

    @AfterEach
    void closeStore() {
        if (noEvents != null) {
            noEvents.close();
        }
    }

    @Test
    void aPromotedModelIsServedOnceTheRefreshIntervalHasPassed() {
        // given v1 served
        repository.publish("v1", tagged("v1"));
        ModelHolder holder = holder(REFRESH);
        assertThat(holder.current().model().version()).isEqualTo("v1");

        // when v2 is promoted
        repository.publish("v2", tagged("v2"));
        ModelState before = holder.current();
        now.addAndGet(REFRESH.toNanos());
        ModelState after = holder.current();

        // then v1 until the interval has passed, v2 after, each read once
        assertThat(before.model().version()).isEqualTo("v1");
        assertThat(after.model().version()).isEqualTo("v2");
        assertThat(after.status()).isEqualTo(ModelState.CURRENT);
        assertThat(after.reason()).isNull();
        assertThat(title(after, ModelFixture.CAKE_STAND)).startsWith("v2 ");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aPromotedModelWithAChangedFileLeavesTheLastGoodOneServingAndSaysWhy() {
        // given v1 served, then v2 promoted and one of its files overwritten
        repository.publish("v1", tagged("v1"));
        ModelHolder holder = holder(REFRESH);
        holder.current();
        repository.publish("v2", tagged("v2"));
        overwrite("models/v2/" + ServingModel.WEIGHTS, "not the published weights");

        // when
        now.addAndGet(REFRESH.toNanos());
        ModelState state = holder.current();

        // then
        assertThat(state.model().version()).isEqualTo("v1");
        assertThat(state.status()).isEqualTo(ModelState.STALE);
        assertThat(state.reason())
                .contains("version v2 is published but cannot be served")
                .contains(ServingModel.WEIGHTS)
                .contains("SHA-256");
        assertThat(title(state, ModelFixture.CAKE_STAND)).startsWith("v1 ");
    }

    @Test
    void aBrokenVersionIsNotReadAgainUntilAnotherIsPromoted() {
        // given v1 served and v2 promoted without its item signals
        repository.publish("v1", tagged("v1"));
        ModelHolder holder = holder(REFRESH);
        holder.current();
        repository.publish("v2", tagged("v2"));
        BUCKETS.client()
                .deleteObject(b -> b.bucket(bucket).key("models/v2/" + ServingModel.SIGNALS));

        // when the interval passes twice, then v3 is promoted
        now.addAndGet(REFRESH.toNanos());
        ModelState missing = holder.current();
        now.addAndGet(REFRESH.toNanos());
        ModelState again = holder.current();
        int readsBeforeV3 = reads.get();
        repository.publish("v3", tagged("v3"));
        now.addAndGet(REFRESH.toNanos());
        ModelState recovered = holder.current();

        // then v1 is kept, stale, while v2 is published; v2 read once; v3 served when promoted
        assertThat(missing.status()).isEqualTo(ModelState.STALE);
        assertThat(missing.reason()).contains("missing file " + ServingModel.SIGNALS);
        assertThat(again.model().version()).isEqualTo("v1");
        assertThat(again.status()).isEqualTo(ModelState.STALE);
        assertThat(readsBeforeV3).isEqualTo(2);
        assertThat(recovered.model().version()).isEqualTo("v3");
        assertThat(recovered.status()).isEqualTo(ModelState.CURRENT);
    }

    @Test
    void aPromotedModelWhoseNetworkCannotBeUsedRanksByItsPopularityAndSaysSo() {
        // given
        repository.publish("v1", tagged("v1"));
        ModelHolder holder = holder(REFRESH);
        holder.current();
        Map<String, byte[]> files = new java.util.HashMap<>(tagged("v2"));
        files.put(ServingModel.WEIGHTS, new byte[] {1, 2, 3});
        repository.publish("v2", files);

        // when
        now.addAndGet(REFRESH.toNanos());
        ModelState state = holder.current();

        // then
        assertThat(state.model().version()).isEqualTo("v2");
        assertThat(state.status()).isEqualTo(ModelState.FALLBACK);
        assertThat(state.reason()).isNotBlank();
    }

    @Test
    void swapsWhileManyRequestsRankNeverMixTwoModelsInOneAnswer() throws Exception {
        // given v1 served, a check on every request, and eight threads ranking guests
        repository.publish("v1", tagged("v1"));
        ModelHolder holder =
                new ModelHolder(counting(loader), Duration.ZERO, Duration.ZERO, System::nanoTime);
        RankService service = service(holder);
        AtomicBoolean promoting = new AtomicBoolean(true);
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch running = new CountDownLatch(8);
        List<Future<List<String>>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(
                    pool.submit(
                            () -> {
                                running.countDown();
                                return rankUntilStopped(service, promoting, versionsSeen);
                            }));
        }

        // when v2 to v6 are promoted while they rank, each once an answer came from the one before
        running.await();
        for (int version = 2; version <= 6; version++) {
            repository.publish("v" + version, tagged("v" + version));
            awaitAnswerFrom("v" + version, versionsSeen);
        }
        promoting.set(false);

        // then no request failed, every answer came from one model, and the swaps were seen
        List<String> problems = new ArrayList<>();
        for (Future<List<String>> worker : workers) {
            problems.addAll(worker.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(problems).isEmpty();
        assertThat(versionsSeen).containsExactlyInAnyOrder("v1", "v2", "v3", "v4", "v5", "v6");
        assertThat(holder.current().model().version()).isEqualTo("v6");
    }

    /**
     * Waits (at most 60 s, the wait is no measure) until some request was answered by {@code
     * version}.
     */
    private static void awaitAnswerFrom(String version, Set<String> versionsSeen)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!versionsSeen.contains(version) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Ranks guests until told to stop; returns what was wrong with any answer. */
    private static List<String> rankUntilStopped(
            RankService service, AtomicBoolean running, Set<String> versionsSeen) {
        List<String> problems = new ArrayList<>();
        RankRequest request = new RankRequest(null, ModelFixture.RANK_DATE, "GB", 100, false);
        while (running.get() && problems.size() < 10) {
            try {
                RankResponse response = service.rank(request);
                versionsSeen.add(response.modelVersion());
                problems.addAll(mixed(response));
            } catch (RuntimeException e) {
                problems.add("request failed: " + e);
            }
        }
        return problems;
    }

    /** Items whose title is not from the model the response names. */
    private static List<String> mixed(RankResponse response) {
        List<String> problems = new ArrayList<>();
        String tag = response.modelVersion() + " ";
        if (!response.model().id().equals(response.modelVersion())) {
            problems.add("model block " + response.model().id() + " in " + tag);
        }
        for (RankedItemBody item : response.items()) {
            if (!item.title().startsWith(tag)) {
                problems.add("item " + item.title() + " in an answer of " + tag);
            }
        }
        if (response.items().isEmpty()) {
            problems.add("no items from " + tag);
        }
        return problems;
    }

    /**
     * The fixture model with every title prefixed by {@code version}, so that an answer shows which
     * model each item came from.
     */
    private static Map<String, byte[]> tagged(String version) {
        ServingModel fixture = ModelFixture.servingModel();
        Map<String, CatalogEntry> byId = new java.util.HashMap<>();
        fixture.catalog().forEach(entry -> byId.put(entry.itemId(), entry));
        List<CatalogEntry> catalog = new ArrayList<>();
        for (String id : fixture.signals().itemIds()) {
            CatalogEntry entry = byId.getOrDefault(id, new CatalogEntry(id, id, null));
            catalog.add(
                    new CatalogEntry(
                            id,
                            version + " " + entry.title(),
                            entry.category(),
                            entry.price(),
                            entry.inStock()));
        }
        return new ServingModel(fixture.manifest(), fixture.weights(), fixture.signals(), catalog)
                .toFiles();
    }

    private ModelHolder holder(Duration refresh) {
        return new ModelHolder(counting(loader), Duration.ZERO, refresh, now::get);
    }

    /** The loader, counting the versions it reads. */
    private ModelSource counting(ModelSource source) {
        return new ModelSource() {
            @Override
            public Optional<ModelPointer> pointer() {
                return source.pointer();
            }

            @Override
            public ServedModel load(ModelPointer pointer) {
                reads.incrementAndGet();
                return source.load(pointer);
            }
        };
    }

    /** Guests never read the events table, so the store needs no DynamoDB behind it. */
    private RankService service(ModelHolder holder) {
        noEvents = new EventStore(null, "no-table", 1);
        return new RankService(holder, new ShopperReader(noEvents, 10));
    }

    private void overwrite(String key, String content) {
        BUCKETS.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    private static String title(ModelState state, String itemId) {
        ServedModel model = state.model();
        return model.title(model.itemIndex(itemId));
    }
}
