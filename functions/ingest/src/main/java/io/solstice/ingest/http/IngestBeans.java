package io.solstice.ingest.http;

import io.solstice.ingest.CatalogIngest;
import io.solstice.ingest.EventIngest;
import io.solstice.ingest.IngestConfig;
import io.solstice.ingest.UserForget;
import io.solstice.store.dynamodb.CatalogStore;
import io.solstice.store.dynamodb.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the stores and ingest handlers to the Quarkus-managed DynamoDB client and the config. */
@ApplicationScoped
public class IngestBeans {

    @Produces
    @Singleton
    EventStore eventStore(DynamoDbClient client, IngestConfig config) {
        return new EventStore(
                client, config.eventsTable(), config.writeParallelism(), retention(config));
    }

    private static Duration retention(IngestConfig config) {
        int days = config.eventsRetentionDays();
        if (days < 0) {
            throw new IllegalArgumentException(
                    "solstice.events-retention-days (SOLSTICE_EVENTS_RETENTION_DAYS) must be 0 (keep"
                            + " events forever) or a number of days, got "
                            + days);
        }
        return Duration.ofDays(days);
    }

    void closeEventStore(@Disposes EventStore store) {
        store.close();
    }

    @Produces
    @Singleton
    CatalogStore catalogStore(DynamoDbClient client, IngestConfig config) {
        return new CatalogStore(client, config.catalogTable());
    }

    @Produces
    @Singleton
    EventIngest eventIngest(EventStore store, IngestConfig config) {
        return new EventIngest(store, config.earliestEventTime(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    UserForget userForget(EventStore store) {
        return new UserForget(store);
    }

    @Produces
    @Singleton
    CatalogIngest catalogIngest(CatalogStore store) {
        return new CatalogIngest(store);
    }
}
