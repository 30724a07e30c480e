package io.solstice.retrain.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.solstice.retrain.RetrainConfig;
import io.solstice.retrain.RetrainTrigger;
import io.solstice.retrain.batch.TrainJobSubmitter;
import io.solstice.retrain.event.ScheduleEventReader;
import io.solstice.retrain.ledger.RunLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.BatchClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the trigger: the Quarkus-managed DynamoDB client, a Batch client (region and credentials
 * from the Lambda environment, through the SDK's default chains) and the configuration.
 */
@ApplicationScoped
public class RetrainBeans {

    @Produces
    @Singleton
    BatchClient batchClient(RetrainConfig config) {
        BatchClientBuilder builder =
                BatchClient.builder().httpClient(UrlConnectionHttpClient.create());
        config.batchEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void closeBatchClient(@Disposes BatchClient client) {
        client.close();
    }

    @Produces
    @Singleton
    RunLedger runLedger(DynamoDbClient dynamoDb, RetrainConfig config) {
        return new RunLedger(
                dynamoDb, config.runsTable(), config.claimLease(), config.runRetention());
    }

    @Produces
    @Singleton
    TrainJobSubmitter trainJobSubmitter(BatchClient batch, RetrainConfig config) {
        return new TrainJobSubmitter(batch, config.jobQueue(), config.jobDefinition());
    }

    @Produces
    @Singleton
    RetrainTrigger retrainTrigger(RunLedger ledger, TrainJobSubmitter jobs, RetrainConfig config) {
        return new RetrainTrigger(ledger, jobs, config.jobNamePrefix(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    ScheduleEventReader scheduleEventReader(ObjectMapper json) {
        return new ScheduleEventReader(json);
    }
}
