package io.solstice.demo;

import io.solstice.event.csv.ColumnMapping;
import io.solstice.event.csv.TransactionsCsv;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalFunction;
import io.solstice.local.LocalLambdaRuntime;
import io.solstice.local.LocalS3;
import io.solstice.local.demo.IngestReplay;
import io.solstice.local.demo.ReplayTotals;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.Tables;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole Solstice path on one machine with real data: local DynamoDB and S3 stand-ins, the
 * packaged ingest function fed API Gateway events replayed from a transactions file, the train job,
 * the packaged rank function asked for three real customers on two dates, and the evaluation.
 * Everything it starts is stopped when it ends.
 *
 * <p>Run it through {@code local/demo.sh}, which builds the project first.
 */
public final class LocalDemo {

    static final String EVENTS_TABLE = "solstice-events";
    static final String CATALOG_TABLE = "solstice-catalog";
    static final String MODEL_BUCKET = "solstice-models";

    private final DemoSettings settings;

    private LocalDemo(DemoSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        DemoSettings settings = DemoSettings.parse(args);
        new LocalDemo(settings).run();
    }

    private void run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Step.announce("Reading " + settings.data());
        TransactionsCsv.Contents contents =
                new TransactionsCsv(ColumnMapping.onlineRetail()).readAll(settings.data());
        System.out.println("  " + contents.report().summary());

        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(settings.work().resolve("dynamodb"));
                LocalS3 s3 = LocalS3.start(MODEL_BUCKET)) {
            createTables(dynamoDb);
            FunctionEnvironment environment = new FunctionEnvironment(dynamoDb, s3);

            ingest(contents, environment);
            Step.announce("Training (the train job, as AWS Batch would run it)");
            JobProcess.run(
                    "train", settings.trainJar(), List.of(), environment.trainJob(), settings);

            rankCustomers(contents, environment);
            if (settings.evaluate()) {
                evaluate(environment);
            }
        }
        Step.announce(
                String.format(
                        "Done in %.1f minutes; everything started has been stopped",
                        (System.nanoTime() - started) / 60e9));
    }

    private static void createTables(LocalDynamoDb dynamoDb) {
        try (DynamoDbClient client =
                StoreClients.dynamoDb(
                        dynamoDb.endpoint(),
                        LocalDynamoDb.REGION,
                        LocalDynamoDb.ACCESS_KEY_ID,
                        LocalDynamoDb.SECRET_ACCESS_KEY)) {
            Tables.createIfMissing(client, EVENTS_TABLE, CATALOG_TABLE);
        }
    }

    private void ingest(TransactionsCsv.Contents contents, FunctionEnvironment environment) {
        Step.announce(
                "Replaying "
                        + contents.interactions().size()
                        + " events through the ingest function (API Gateway HTTP API events)");
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.start();
                LocalFunction ingest =
                        LocalFunction.startJava(
                                "solstice-ingest",
                                settings.ingestZip(),
                                LocalFunction.INGEST_HANDLER,
                                runtime,
                                environment.ingest(),
                                List.of("-Xmx768m"),
                                Duration.ofMinutes(2))) {
            ReplayTotals totals =
                    new IngestReplay(runtime)
                            .replay(contents.interactions(), contents.report().catalog());
            System.out.println("  " + totals);
        }
    }

    private void rankCustomers(TransactionsCsv.Contents contents, FunctionEnvironment environment) {
        List<DemoCustomer> customers =
                settings.customers().isEmpty()
                        ? DemoCustomer.chooseActive(
                                contents.interactions(), settings.dates().get(0), 3)
                        : DemoCustomer.named(contents.interactions(), settings.customers());
        Step.announce("Ranking for " + customers.size() + " customers on " + settings.dates());
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.start();
                LocalFunction rank =
                        LocalFunction.startJava(
                                "solstice-rank",
                                settings.rankZip(),
                                LocalFunction.QUARKUS_HANDLER,
                                runtime,
                                environment.rank(),
                                List.of("-Xmx768m"),
                                Duration.ofMinutes(2))) {
            RankClient client = new RankClient(runtime);
            for (DemoCustomer customer : customers) {
                SideBySide.print(customer, settings.dates(), client, settings.count());
            }
        }
    }

    private void evaluate(FunctionEnvironment environment)
            throws IOException, InterruptedException {
        Step.announce(
                "Evaluating the model beside the baselines (EVALUATION.md), on the stored events");
        Path output = settings.work().resolve("evaluation");
        JobProcess.run(
                "evaluation",
                settings.trainJar(),
                List.of(
                        "io.solstice.train.evaluation.EvaluationCommand",
                        "--source=dynamodb",
                        "--output=" + output),
                environment.trainJob(),
                settings);
        System.out.println("  ranked lists and tables: " + output);
    }

    /** Prints a visible header for each step. */
    static final class Step {
        private Step() {}

        static void announce(String text) {
            System.out.println();
            System.out.println("==> " + text);
        }
    }
}
