package io.solstice.rank.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solstice.calendar.SeasonCalendar;
import io.solstice.model.ServingModel;
import io.solstice.rank.ModelFixture;
import io.solstice.store.s3.ModelPointer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ModelHolderTest {

    private static final ServedModel MODEL = served();

    private static final ModelPointer POINTER =
            new ModelPointer("v1", Instant.parse("2011-11-15T06:00:00Z"), Map.of());

    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void requestsArrivingTogetherLoadTheModelOnce() throws Exception {
        // given a slow load
        CountDownLatch started = new CountDownLatch(1);
        ModelHolder holder =
                new ModelHolder(
                        counting(
                                () -> {
                                    started.countDown();
                                    sleep(200);
                                    return MODEL;
                                }),
                        Duration.ZERO,
                        Duration.ofHours(1));

        // when
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ServedModel>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> holder.current().model()));
        }
        started.await();
        for (Future<ServedModel> answer : answers) {
            assertThat(answer.get()).isSameAs(MODEL);
        }
        pool.shutdown();

        // then
        assertThat(loads).hasValue(1);
    }

    @Test
    void aMissingModelIsRememberedForTheRetryInterval() {
        // given
        ModelHolder holder =
                new ModelHolder(
                        counting(
                                () -> {
                                    throw ModelUnavailableException.notPublished();
                                }),
                        Duration.ofHours(1),
                        Duration.ofHours(1));

        // when
        assertThatThrownBy(holder::current).isInstanceOf(ModelUnavailableException.class);
        assertThatThrownBy(holder::current)
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage(ModelUnavailableException.NOT_PUBLISHED_MESSAGE);

        // then
        assertThat(loads).hasValue(1);
    }

    @Test
    void aModelPublishedAfterTheRetryIntervalIsLoadedAndKept() {
        // given no model at first
        ModelHolder holder =
                new ModelHolder(
                        counting(
                                () -> {
                                    if (loads.get() == 1) {
                                        throw ModelUnavailableException.notPublished();
                                    }
                                    return MODEL;
                                }),
                        Duration.ZERO,
                        Duration.ofHours(1));
        assertThatThrownBy(holder::current).isInstanceOf(ModelUnavailableException.class);

        // when
        ServedModel first = holder.current().model();
        ServedModel again = holder.current().model();

        // then
        assertThat(first).isSameAs(MODEL);
        assertThat(again).isSameAs(MODEL);
        assertThat(loads).hasValue(2);
    }

    @Test
    void anUnreachableStoreIsAskedAgainOnTheNextRequest() {
        // given
        ModelHolder holder =
                new ModelHolder(
                        counting(
                                () -> {
                                    throw new ModelUnavailableException(
                                            ModelUnavailableException.Kind.UNREACHABLE,
                                            "S3 timed out",
                                            null);
                                }),
                        Duration.ofHours(1),
                        Duration.ofHours(1));

        // when
        assertThatThrownBy(holder::current).isInstanceOf(ModelUnavailableException.class);
        assertThatThrownBy(holder::current).isInstanceOf(ModelUnavailableException.class);

        // then
        assertThat(loads).hasValue(2);
    }

    /** A source whose pointer never moves and whose every read counts. */
    private ModelSource counting(Supplier<ServedModel> load) {
        return new ModelSource() {
            @Override
            public Optional<ModelPointer> pointer() {
                return Optional.of(POINTER);
            }

            @Override
            public ServedModel load(ModelPointer pointer) {
                loads.incrementAndGet();
                return load.get();
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ServedModel served() {
        ServingModel model = ModelFixture.servingModel();
        return ServedModel.of(
                "v1", null, model.signals(), model.catalog(), SeasonCalendar.standard(), 4);
    }
}
