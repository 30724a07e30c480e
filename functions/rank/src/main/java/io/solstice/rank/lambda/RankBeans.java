package io.solstice.rank.lambda;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.model.CatalogEntry;
import io.solstice.model.ModelManifest;
import io.solstice.model.RankingHyperparameters;
import io.solstice.rank.RankConfig;
import io.solstice.rank.RankRequestReader;
import io.solstice.rank.RankService;
import io.solstice.rank.model.ModelHolder;
import io.solstice.rank.model.ModelLoader;
import io.solstice.rank.shopper.ShopperReader;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.s3.ModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Wires the store adapters, the model holder and the rank service to the Quarkus-managed AWS
 * clients and the configuration. Also registers for reflection the model files' JSON types, which
 * Jackson reads in the native executable.
 */
@ApplicationScoped
@RegisterForReflection(
        targets = {ModelManifest.class, RankingHyperparameters.class, CatalogEntry.class})
public class RankBeans {

    @Produces
    @Singleton
    SeasonCalendar calendar() {
        return SeasonCalendar.standard();
    }

    @Produces
    @Singleton
    EventStore eventStore(DynamoDbClient client, RankConfig config) {
        return new EventStore(client, config.eventsTable(), 1);
    }

    void closeEventStore(@Disposes EventStore store) {
        store.close();
    }

    @Produces
    @Singleton
    ModelLoader modelLoader(S3Client s3, RankConfig config, SeasonCalendar calendar) {
        ModelRepository repository = new ModelRepository(s3, config.modelBucket());
        return new ModelLoader(
                repository, config.modelBucket(), calendar, config.contextCacheSize());
    }

    @Produces
    @ApplicationScoped
    ModelHolder modelHolder(ModelLoader loader, RankConfig config) {
        return new ModelHolder(loader, config.modelRetryInterval(), config.modelRefreshInterval());
    }

    @Produces
    @Singleton
    RankService rankService(ModelHolder models, EventStore events, RankConfig config) {
        return new RankService(models, new ShopperReader(events, config.historyLimit()));
    }

    @Produces
    @Singleton
    RankRequestReader requestReader() {
        return RankRequestReader.utc();
    }
}
