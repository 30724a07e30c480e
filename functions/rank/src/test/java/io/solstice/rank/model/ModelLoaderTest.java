package io.solstice.rank.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solstice.calendar.Country;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.feature.CandidateFeatures;
import io.solstice.feature.ShopperHistory;
import io.solstice.model.RankingModelWeights;
import io.solstice.model.ServingModel;
import io.solstice.rank.ModelFixture;
import io.solstice.score.RankedItem;
import io.solstice.store.s3.ModelRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** Reading the served model from s3rver, and what happens when it cannot be used. */
class ModelLoaderTest {

    @RegisterExtension static final ModelBuckets BUCKETS = new ModelBuckets();

    private String bucket;

    private ModelRepository repository;

    private ModelLoader loader;

    @BeforeEach
    void createBucket() {
        ModelBuckets.Bucket models = BUCKETS.newBucket("models-");
        bucket = models.name();
        repository = models.repository();
        loader = models.loader();
    }

    @Test
    void aPublishedModelRanksWithItsNetwork() {
        // given
        repository.publish("v1", ModelFixture.servingModel().toFiles());

        // when
        ServedModel model = loader.load();

        // then
        assertThat(model.version()).isEqualTo("v1");
        assertThat(model.usesModel()).isTrue();
        assertThat(model.itemCount()).isEqualTo(9);
        assertThat(model.title(model.itemIndex(ModelFixture.CAKE_STAND)))
                .isEqualTo("REGENCY CAKESTAND 3 TIER");
        assertThat(model.itemIndex("no-such-item")).isEqualTo(-1);
    }

    @Test
    void aGuestIsRankedByTheNewcomerNetworkWhenTheModelHasOne() {
        // given: the same model twice, the second with a newcomer network that scores in reverse
        ServingModel plain = ModelFixture.servingModel();
        repository.publish("v1", plain.toFiles());
        List<Integer> byMainNetwork = rankEveryItemForAGuest(loader.load());
        repository.publish(
                "v2",
                new ServingModel(
                                plain.manifest(),
                                plain.weights(),
                                plain.signals(),
                                plain.catalog(),
                                null,
                                reversed(plain.weights()))
                        .toFiles());

        // when
        List<Integer> byNewcomerNetwork = rankEveryItemForAGuest(loader.load());

        // then
        assertThat(byNewcomerNetwork).hasSize(9).isNotEqualTo(byMainNetwork);
        assertThat(byNewcomerNetwork.get(0)).isEqualTo(byMainNetwork.get(8));
        assertThat(byNewcomerNetwork.get(8)).isEqualTo(byMainNetwork.get(0));
    }

    private static List<Integer> rankEveryItemForAGuest(ServedModel model) {
        return model
                .ranker()
                .rank(
                        null,
                        ShopperHistory.empty(),
                        model.context(ModelFixture.RANK_DATE, Country.UNKNOWN),
                        model.itemCount(),
                        item -> false)
                .stream()
                .map(RankedItem::item)
                .toList();
    }

    /** The same network with every term negated: its ranking is the reverse. */
    private static RankingModelWeights reversed(RankingModelWeights w) {
        return new RankingModelWeights(
                w.featureNames(),
                w.featureMin(),
                w.featureMax(),
                w.featureMean(),
                w.featureScale(),
                w.hiddenKernel(),
                w.hiddenBias(),
                negated(w.outputKernel()),
                negated(w.linearKernel()),
                -w.outputBias(),
                w.embeddingDim(),
                w.userIds(),
                w.itemIds(),
                negated(w.userEmbedding()),
                w.itemEmbedding(),
                negated(w.itemSeason()));
    }

    private static float[] negated(float[] values) {
        float[] result = values.clone();
        for (int i = 0; i < result.length; i++) {
            result[i] = -result[i];
        }
        return result;
    }

    @Test
    void withoutAPublishedModelTheLoadSaysToRunTheTrainJob() {
        assertThatThrownBy(loader::load)
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("no model has been published yet; run the train job")
                .extracting(e -> ((ModelUnavailableException) e).kind())
                .isEqualTo(ModelUnavailableException.Kind.NOT_PUBLISHED);
    }

    @Test
    void aNetworkOfOtherFeaturesFallsBackToSeasonalPopularity() {
        // given
        List<String> renamed = new ArrayList<>(CandidateFeatures.NAMES);
        renamed.set(renamed.size() - 1, "day_of_week");
        repository.publish("v2", ModelFixture.servingModel(renamed).toFiles());

        // when
        ServedModel model = loader.load();

        // then it still ranks
        assertThat(model.version()).isEqualTo("v2");
        assertThat(model.usesModel()).isFalse();
        assertThat(rankGuest(model)).isNotEmpty();
    }

    @Test
    void corruptWeightsFallBackToSeasonalPopularity() {
        // given
        Map<String, byte[]> files = new HashMap<>(ModelFixture.servingModel().toFiles());
        files.put(ServingModel.WEIGHTS, "not weights".getBytes(StandardCharsets.UTF_8));
        repository.publish("v3", files);

        // when
        ServedModel model = loader.load();

        // then
        assertThat(model.usesModel()).isFalse();
        assertThat(rankGuest(model)).isNotEmpty();
    }

    @Test
    void corruptItemSignalsMakeTheModelUnreadableNamingVersionAndFile() {
        // given
        Map<String, byte[]> files = new HashMap<>(ModelFixture.servingModel().toFiles());
        files.put(ServingModel.SIGNALS, new byte[] {1, 2, 3});
        repository.publish("v4", files);

        // when / then
        assertThatThrownBy(loader::load)
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("model v4 in bucket " + bucket + " cannot be read")
                .hasMessageContaining("item signals")
                .hasMessageEndingWith("publish a new version with the train job")
                .extracting(e -> ((ModelUnavailableException) e).kind())
                .isEqualTo(ModelUnavailableException.Kind.UNREADABLE);
    }

    @Test
    void aFileChangedAfterPublishingMakesTheModelUnreadable() {
        // given
        repository.publish("v5", ModelFixture.servingModel().toFiles());
        BUCKETS.client()
                .putObject(
                        b -> b.bucket(bucket).key("models/v5/" + ServingModel.CATALOG),
                        RequestBody.fromString("[]"));

        // when / then
        assertThatThrownBy(loader::load)
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("model v5")
                .hasMessageContaining(ServingModel.CATALOG)
                .extracting(e -> ((ModelUnavailableException) e).kind())
                .isEqualTo(ModelUnavailableException.Kind.UNREADABLE);
    }

    @Test
    void aMissingBucketNamesTheSettingToFix() {
        // given
        ModelLoader nowhere =
                new ModelLoader(
                        new ModelRepository(BUCKETS.client(), "no-such-bucket"),
                        "no-such-bucket",
                        SeasonCalendar.standard(),
                        8);

        // when / then
        assertThatThrownBy(nowhere::load)
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("S3 bucket 'no-such-bucket' does not exist")
                .hasMessageContaining("SOLSTICE_MODEL_BUCKET")
                .extracting(e -> ((ModelUnavailableException) e).kind())
                .isEqualTo(ModelUnavailableException.Kind.MISSING_BUCKET);
    }

    private static List<RankedItem> rankGuest(ServedModel model) {
        return model.ranker()
                .rank(
                        null,
                        ShopperHistory.empty(),
                        model.context(ModelFixture.RANK_DATE, Country.UNKNOWN),
                        5,
                        item -> false);
    }
}
