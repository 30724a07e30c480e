package io.solstice.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solstice.calendar.SeasonCalendar;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import io.solstice.feature.ItemSignals;
import io.solstice.local.HttpApiEvent;
import io.solstice.local.HttpApiResponse;
import io.solstice.local.LocalDynamoDb;
import io.solstice.local.LocalFunction;
import io.solstice.local.LocalLambdaRuntime;
import io.solstice.local.LocalS3;
import io.solstice.local.QuarkusClientSettings;
import io.solstice.model.CatalogEntry;
import io.solstice.model.ModelManifest;
import io.solstice.model.RankingHyperparameters;
import io.solstice.model.ServingModel;
import io.solstice.store.StoreClients;
import io.solstice.store.dynamodb.EventStore;
import io.solstice.store.dynamodb.Tables;
import io.solstice.store.s3.ModelRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Times the packaged rank function ({@code functions/rank/target/function.zip}) as Lambda runs it
 * in JVM mode, against the local stand-ins with a production-sized {@link SyntheticModel}
 * published:
 *
 * <ol>
 *   <li>cold start: from launching the JVM (AWS's Runtime Interface Client on the unpacked zip) to
 *       the first ranked response, which includes reading and preparing the model from S3, and the
 *       resident memory (VmRSS) of the function process after it; several fresh processes;
 *   <li>load: one warm process answering requests back to back through the Lambda Runtime API
 *       emulator (a Lambda container serves one request at a time), for at most a number of
 *       requests or seconds, half guests and half shoppers with a year of history; the rate,
 *       latency percentiles measured by this client (emulator and loopback HTTP included) and
 *       errors.
 * </ol>
 *
 * <p>Prints tables; measures, asserts nothing. Arguments: {@code --starts=N} (default 3), {@code
 * --requests=N} (default 2000), {@code --seconds=N} (default 60), {@code --zip=PATH}, {@code
 * --jvm=OPTIONS} (default {@code -Xmx768m}, split on spaces).
 */
public final class RankServingHarness {

    private static final String BUCKET = "bench-models";

    private static final String TABLE = "bench-events";

    private static final int SHOPPERS = 200;

    private static final String[] COUNTRIES = {"GB", "DE", "FR", "AU", "US", "NZ", "ES", "NL"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> options;

    private RankServingHarness(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        new RankServingHarness(options).run();
    }

    private void run() throws IOException {
        Path zip = Path.of(options.getOrDefault("zip", "functions/rank/target/function.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(
                    zip + " is missing; build it with mvn -pl functions/rank package -DskipTests");
        }
        try (LocalDynamoDb dynamo = LocalDynamoDb.start();
                LocalS3 s3 = LocalS3.start(BUCKET)) {
            long modelBytes = publishModel(s3);
            storeHistories(dynamo);
            System.out.printf(
                    "model: %d items, %d users, %.1f MB in S3; %d shoppers with histories%n",
                    SyntheticModel.ITEMS, SyntheticModel.USERS, modelBytes / 1e6, SHOPPERS);

            Map<String, String> env = environment(dynamo, s3);
            printMachine("at start");
            coldStarts(zip, env);
            load(zip, env);
            System.out.println();
            printMachine("at end");
        }
    }

    private void coldStarts(Path zip, Map<String, String> env) {
        int starts = Integer.parseInt(options.getOrDefault("starts", "3"));
        System.out.println();
        System.out.println(
                "| start | JVM to polling (ms) | first response (ms) | total (ms) | RSS after (MB) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int run = 1; run <= starts; run++) {
            try (LocalLambdaRuntime runtime = LocalLambdaRuntime.start();
                    LocalFunction function = start(zip, env, runtime)) {
                Instant polling = Instant.now();
                HttpApiResponse first = invoke(runtime, request(new SplittableRandom(run), 0));
                Instant answered = Instant.now();
                check(first);

                Instant launched = jvmStarted().orElse(polling);
                System.out.printf(
                        "| %d | %d | %d | %d | %s |%n",
                        run,
                        Duration.between(launched, polling).toMillis(),
                        Duration.between(polling, answered).toMillis(),
                        Duration.between(launched, answered).toMillis(),
                        rssMegabytes().map(mb -> Long.toString(mb)).orElse("?"));
            }
        }
    }

    /**
     * When the function's JVM was launched, as the kernel records it (10 ms resolution): unpacking
     * the zip before it is left out, as Lambda does it before the init phase.
     */
    private static Optional<Instant> jvmStarted() {
        return functionProcess().flatMap(p -> p.info().startInstant());
    }

    /** Cores, load average and JDK, so that every printed figure carries its conditions. */
    private static void printMachine(String when) {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            load = "unknown";
        }
        System.out.printf(
                "machine %s: %d cores, load average (1/5/15 min, runnable/total, last pid) %s;"
                        + " %s %s%n",
                when,
                Runtime.getRuntime().availableProcessors(),
                load,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
    }

    private void load(Path zip, Map<String, String> env) throws IOException {
        int limit = Integer.parseInt(options.getOrDefault("requests", "2000"));
        long seconds = Long.parseLong(options.getOrDefault("seconds", "60"));
        SplittableRandom random = new SplittableRandom(7);
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.start();
                LocalFunction function = start(zip, env, runtime)) {
            for (int i = 0; i < Math.min(500, limit); i++) {
                invoke(runtime, request(random, i));
            }

            long[] latencies = new long[limit];
            int done = 0;
            int errors = 0;
            long begin = System.nanoTime();
            long deadline = begin + Duration.ofSeconds(seconds).toNanos();
            while (done < limit && System.nanoTime() < deadline) {
                String event = request(random, done);
                long sent = System.nanoTime();
                boolean ok = ok(runtime, event);
                latencies[done++] = System.nanoTime() - sent;
                errors += ok ? 0 : 1;
            }
            long elapsed = System.nanoTime() - begin;

            System.out.println();
            System.out.printf(
                    "%d requests in %.1f s: %.1f requests/s, %d errors; RSS after: %s MB%n",
                    done,
                    elapsed / 1e9,
                    done / (elapsed / 1e9),
                    errors,
                    rssMegabytes().map(mb -> Long.toString(mb)).orElse("?"));
            printLatencies(Arrays.copyOf(latencies, done), functionDurations(function, done));
            row("round trip, 400 answer (no ranking)", rejected(runtime), 1e6);
        }
    }

    /** Round trips of 200 requests refused with a 400 before any ranking: the path's own cost. */
    private static long[] rejected(LocalLambdaRuntime runtime) {
        String event = HttpApiEvent.post("/rank").jsonBody("{\"count\":0}").toJson();
        long[] latencies = new long[200];
        for (int i = 0; i < latencies.length; i++) {
            long sent = System.nanoTime();
            invoke(runtime, event);
            latencies[i] = System.nanoTime() - sent;
        }
        return latencies;
    }

    /** Client round trips (all, guests, shoppers) and the function's own durationMs. */
    private static void printLatencies(long[] latencies, long[] functionMillis) {
        long[] guests = every(latencies, 0);
        long[] shoppers = every(latencies, 1);
        System.out.println();
        System.out.println("| measured | requests | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        row("round trip, all", latencies, 1e6);
        row("round trip, guests", guests, 1e6);
        row("round trip, shoppers", shoppers, 1e6);
        row("in the function (durationMs)", functionMillis, 1);
    }

    private static long[] every(long[] values, int offset) {
        long[] picked = new long[(values.length + 1 - offset) / 2];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = values[2 * i + offset];
        }
        return picked;
    }

    private static void row(String name, long[] values, double perMilli) {
        if (values.length == 0) {
            return;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n",
                name,
                sorted.length,
                percentile(sorted, 0.50) / perMilli,
                percentile(sorted, 0.90) / perMilli,
                percentile(sorted, 0.99) / perMilli,
                sorted[sorted.length - 1] / perMilli);
    }

    private static double percentile(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    /** The durationMs of the last {@code count} "rank served" lines of the function's log. */
    private static long[] functionDurations(LocalFunction function, int count) throws IOException {
        List<String> served =
                Files.readAllLines(function.logFile()).stream()
                        .filter(line -> line.contains("rank served"))
                        .toList();
        return served.subList(Math.max(0, served.size() - count), served.size()).stream()
                .mapToLong(line -> Long.parseLong(line.replaceAll(".*durationMs=(\\d+).*", "$1")))
                .toArray();
    }

    /** A for_you request for 10 items: even numbers a guest, odd ones a shopper with history. */
    private static String request(SplittableRandom random, int number) {
        ObjectNode body = JSON.createObjectNode();
        if (number % 2 == 1) {
            body.put("userId", shopperId(random.nextInt(SHOPPERS)));
        }
        body.put("date", SyntheticModel.RANK_DATE.toString());
        body.put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
        body.put("count", 10);
        return HttpApiEvent.post("/rank").jsonBody(body.toString()).toJson();
    }

    private static boolean ok(LocalLambdaRuntime runtime, String event) {
        try {
            return invoke(runtime, event).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static HttpApiResponse invoke(LocalLambdaRuntime runtime, String event) {
        return HttpApiResponse.parse(runtime.invoke(event, Duration.ofSeconds(60)));
    }

    private static void check(HttpApiResponse response) {
        if (response.statusCode() != 200 || response.bodyJson().path("items").size() != 10) {
            throw new IllegalStateException(
                    "the first request answered " + response.statusCode() + ": " + response.body());
        }
    }

    private LocalFunction start(Path zip, Map<String, String> env, LocalLambdaRuntime runtime) {
        List<String> jvm = List.of(options.getOrDefault("jvm", "-Xmx768m").split(" "));
        return LocalFunction.startJava(
                "solstice-rank-bench",
                zip,
                LocalFunction.QUARKUS_HANDLER,
                runtime,
                env,
                jvm,
                Duration.ofMinutes(2));
    }

    /** The resident memory of the function process. */
    private static Optional<Long> rssMegabytes() {
        return functionProcess().flatMap(p -> vmRssKb(p.pid())).map(kb -> kb / 1024);
    }

    /** The function: the one child JVM (the stand-ins run on Node.js). */
    private static Optional<ProcessHandle> functionProcess() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/java"))
                .findFirst();
    }

    private static Optional<Long> vmRssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long publishModel(LocalS3 s3) {
        SeasonCalendar calendar = SeasonCalendar.standard();
        ItemSignals signals = SyntheticModel.signals(calendar, 1);
        ServingModel model =
                new ServingModel(
                        manifest(),
                        SyntheticModel.weights(signals.itemIds(), 2),
                        signals,
                        catalog(signals));
        Map<String, byte[]> files = model.toFiles();
        try (S3Client client =
                StoreClients.s3(
                        s3.endpoint(),
                        LocalS3.REGION,
                        LocalS3.ACCESS_KEY_ID,
                        LocalS3.SECRET_ACCESS_KEY)) {
            new ModelRepository(client, BUCKET).publish("bench-1", files);
        }
        return files.values().stream().mapToLong(bytes -> bytes.length).sum();
    }

    private static List<CatalogEntry> catalog(ItemSignals signals) {
        List<CatalogEntry> catalog = new ArrayList<>(signals.itemCount());
        for (int item = 0; item < signals.itemCount(); item++) {
            String id = signals.itemIds().get(item);
            catalog.add(
                    new CatalogEntry(
                            id,
                            "ITEM " + id,
                            "category-" + item % 40,
                            0.5 + item % 50,
                            item % 20 != 0));
        }
        return catalog;
    }

    private static ModelManifest manifest() {
        return new ModelManifest(
                "bench-1",
                "2011-12-01T06:00:00Z",
                SyntheticModel.RANK_DATE.minusDays(SyntheticModel.DAYS).toString(),
                SyntheticModel.RANK_DATE.toString(),
                0,
                0,
                RankingHyperparameters.defaults(),
                List.of(),
                SyntheticModel.RANK_DATE.toString(),
                "benchmark",
                "CPU",
                io.solstice.feature.CandidateFeatures.NAMES,
                List.of(),
                Map.of());
    }

    /** Each shopper: 60 purchases of 20 items over the year before the rank date. */
    private static void storeHistories(LocalDynamoDb dynamo) {
        SplittableRandom random = new SplittableRandom(3);
        List<Interaction> events = new ArrayList<>();
        for (int shopper = 0; shopper < SHOPPERS; shopper++) {
            for (int p = 0; p < 60; p++) {
                String item = Integer.toString(100_000 + random.nextInt(20) * 37 + shopper);
                var at =
                        SyntheticModel.RANK_DATE
                                .minusDays(1 + random.nextInt(365))
                                .atTime(10, 0)
                                .atOffset(ZoneOffset.UTC);
                String id = "e-" + shopper + "-" + p;
                events.add(
                        new Interaction(
                                id,
                                InteractionType.PURCHASE,
                                shopperId(shopper),
                                item,
                                1,
                                2.5,
                                at,
                                "United Kingdom",
                                "o-" + id));
            }
        }
        try (DynamoDbClient client =
                        StoreClients.dynamoDb(
                                dynamo.endpoint(),
                                LocalDynamoDb.REGION,
                                LocalDynamoDb.ACCESS_KEY_ID,
                                LocalDynamoDb.SECRET_ACCESS_KEY);
                EventStore store = new EventStore(client, TABLE)) {
            Tables.createEventsTableIfMissing(client, TABLE);
            store.write(events);
        }
    }

    private static String shopperId(int shopper) {
        return Integer.toString(10_000 + shopper);
    }

    private static Map<String, String> environment(LocalDynamoDb dynamo, LocalS3 s3) {
        Map<String, String> env = new HashMap<>();
        env.put("SOLSTICE_EVENTS_TABLE", TABLE);
        env.put("SOLSTICE_MODEL_BUCKET", BUCKET);
        env.put("AWS_REGION", LocalDynamoDb.REGION);
        env.putAll(QuarkusClientSettings.asEnvironment(QuarkusClientSettings.dynamoDb(dynamo)));
        env.putAll(QuarkusClientSettings.asEnvironment(QuarkusClientSettings.s3(s3)));
        return env;
    }
}
