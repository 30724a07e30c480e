package io.solstice.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.solstice.clean.CleaningPolicy;
import io.solstice.clean.PurchaseCleaner;
import io.solstice.event.csv.ColumnMapping;
import io.solstice.event.csv.TransactionsCsv;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data quality report on the real Online Retail file agrees with counts made independently.
 *
 * <p>How the independent counts are made: {@link Independent} reads the raw gzip file once with
 * commons-csv, record by record, and counts from the column text alone: it never builds an {@code
 * Interaction}, and uses neither {@code TransactionsCsv}, {@code PurchaseCleaner} nor anything of
 * {@code io.solstice.quality}. Prices are compared as {@link BigDecimal}, times as {@link
 * LocalDateTime} in the file's own (UK local) time, product codes by checking five leading digits
 * character by character. Where the report walks events in time order (cancellation matching) the
 * test keeps the earliest purchase per shopper and item instead; where the report keeps running
 * medians per item (price outliers) the test sorts each item's prices once; where the report scans
 * a calendar list (gaps, low days) the test navigates a {@link TreeMap} of dates. Two figures are
 * also pinned to the data set's documented values: 135,080 lines without a customer and 9,288
 * cancellation lines.
 *
 * <p>The file is {@code shared/data/online_retail.csv.gz} beside the repository ({@code
 * -Dsolstice.repo.root}); the test is skipped only when it is absent.
 */
class DataQualityRealDataTest {

    private static final Instant GENERATED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2011-12-10T00:00:00Z");

    private static DataQualityReport report;
    private static Independent expected;

    @BeforeAll
    static void readFileTwice() throws IOException {
        Path data = dataFile();
        assumeTrue(Files.isRegularFile(data), "Online Retail file not found at " + data);

        TransactionsCsv.Contents contents =
                new TransactionsCsv(ColumnMapping.onlineRetail()).readAll(data);
        PurchaseCleaner.Result cleaned =
                new PurchaseCleaner(CleaningPolicy.defaults()).clean(contents.interactions());
        report =
                new QualityAnalyzer(
                                CleaningPolicy.defaults(),
                                QualityOptions.defaults(),
                                Clock.fixed(GENERATED_AT, ZoneOffset.UTC))
                        .analyze(
                                contents.interactions(),
                                contents.report().catalog(),
                                cleaned.report(),
                                SourceEvidence.descriptions(
                                        "csv", contents.report().descriptionVariants()),
                                AS_OF);
        expected = Independent.count(data);
        QualitySummary.lines(report, QualityThresholds.defaults(), List.of())
                .forEach(System.out::println);
    }

    private static Path dataFile() {
        String root = System.getProperty("solstice.repo.root", "../..");
        return Path.of(root).resolve("../shared/data/online_retail.csv.gz").normalize();
    }

    @Test
    void givenOnlineRetail_whenReported_thenDocumentedCountsMatch() {
        assertThat(report.events()).isEqualTo(541_909);
        assertThat(report.completeness().missingUser().rows()).isEqualTo(135_080);
        assertThat(report.consistency().cancellations().rows()).isEqualTo(9_288);
    }

    @Test
    void givenOnlineRetail_whenReported_thenCompletenessMatchesIndependentCounts() {
        DataQualityReport.Completeness completeness = report.completeness();

        assertThat(completeness.missingUser().rows()).isEqualTo(expected.missingCustomer);
        assertThat(completeness.missingItem().rows()).isZero();
        assertThat(completeness.missingPrice().rows()).isZero();
        assertThat(completeness.missingCountry().rows()).isEqualTo(expected.missingCountry);
        assertThat(completeness.itemsWithoutDescription().rows())
                .isEqualTo(expected.codesWithoutDescription());
        assertThat(report.catalogItems()).isEqualTo(expected.descriptions.size());
    }

    @Test
    void givenOnlineRetail_whenReported_thenAccuracyMatchesIndependentCounts() {
        DataQualityReport.Accuracy accuracy = report.accuracy();

        assertThat(accuracy.nonPositiveQuantity().rows()).isEqualTo(expected.nonPositiveQuantity);
        assertThat(accuracy.nonPositivePrice().rows()).isEqualTo(expected.nonPositivePrice);
        assertThat(accuracy.quantityOutliers().rows()).isEqualTo(expected.quantityBeyondCap);
        assertThat(accuracy.priceOutliers().rows()).isEqualTo(expected.priceOutliers());
        assertThat(accuracy.nonProductCodes().rows()).isEqualTo(expected.nonProductLines);
        assertThat(accuracy.futureTimestamps().rows()).isZero();
        assertThat(accuracy.beforeShopOpened().rows()).isZero();
    }

    @Test
    void givenOnlineRetail_whenReported_thenConsistencyMatchesIndependentCounts() {
        DataQualityReport.Consistency consistency = report.consistency();

        assertThat(consistency.unknownItems().rows()).isZero();
        assertThat(consistency.cancellations().rows()).isEqualTo(expected.cancellations);
        assertThat(consistency.cancellationsWithPurchase().rows())
                .isEqualTo(expected.cancellationsWithEarlierPurchase());
        assertThat(consistency.cancellationsWithoutPurchase().rows())
                .isEqualTo(expected.cancellations - expected.cancellationsWithEarlierPurchase());
        assertThat(consistency.conflictingDescriptions().rows())
                .isEqualTo(expected.codesWithConflictingDescriptions());
        assertThat(consistency.duplicateEventIds().rows()).isZero();
        assertThat(consistency.duplicateLines().rows()).isEqualTo(expected.duplicateLines);
    }

    @Test
    void givenOnlineRetail_whenReported_thenTimelinessMatchesIndependentCounts() {
        DataQualityReport.Timeliness timeliness = report.timeliness();

        assertThat(timeliness.newestEvent()).isEqualTo(expected.newestInstant());
        assertThat(timeliness.oldestEvent()).isEqualTo(expected.oldestInstant());
        assertThat(timeliness.recentEvents()).isEqualTo(expected.linesBefore(AS_OF, 7));
        assertThat(timeliness.emptyWeekdays()).isEqualTo(expected.emptyDays(false));
        assertThat(timeliness.emptyWeekendDays()).isEqualTo(expected.emptyDays(true));
        assertThat(timeliness.lowDays().stream().map(DataQualityReport.LowDay::date).toList())
                .isEqualTo(expected.lowDays());
        assertThat(timeliness.ingestionLag().measured()).isFalse();
        assertThat(report.notes()).anyMatch(note -> note.startsWith("Ingestion lag not measured"));
    }

    @Test
    void givenOnlineRetail_whenReported_thenCleaningAndZeroPriceDaysMatchIndependentCounts() {
        DataQualityReport.DayVolume worst = QualityGate.worstZeroPriceDay(report, 20).orElseThrow();

        assertThat(report.cleanPurchases()).isEqualTo(expected.cleanLines);
        assertThat(worst.date()).isEqualTo(expected.worstZeroPriceDay(20));
        assertThat(new long[] {worst.zeroPriceLines(), worst.purchaseLines()})
                .containsExactly(
                        expected.purchaseLinesPerDay.get(worst.date())[1],
                        expected.purchaseLinesPerDay.get(worst.date())[0]);
        assertThat(QualityGate.check(report, QualityThresholds.defaults())).isEmpty();
    }

    /** Counts made from the raw column text, without any of the code under test. */
    private static final class Independent {

        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        private static final ZoneId UK = ZoneId.of("Europe/London");

        long missingCustomer;
        long missingCountry;
        long nonPositiveQuantity;
        long nonPositivePrice;
        long quantityBeyondCap;
        long nonProductLines;
        long cancellations;
        long duplicateLines;
        long cleanLines;
        LocalDateTime oldest = LocalDateTime.MAX;
        LocalDateTime newest = LocalDateTime.MIN;
        final Map<String, Set<String>> descriptions = new HashMap<>();
        final Map<String, List<BigDecimal>> purchasePrices = new HashMap<>();
        final Map<String, LocalDateTime> earliestPurchase = new HashMap<>();
        final List<String[]> cancellationKeys = new ArrayList<>();
        final Set<String> lines = new HashSet<>();
        final List<LocalDateTime> times = new ArrayList<>();
        final TreeMap<LocalDate, Long> perDay = new TreeMap<>();
        final TreeMap<LocalDate, long[]> purchaseLinesPerDay = new TreeMap<>();

        static Independent count(Path file) throws IOException {
            Independent counts = new Independent();
            CSVFormat format =
                    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            try (Reader reader =
                            new InputStreamReader(
                                    new GZIPInputStream(Files.newInputStream(file)),
                                    StandardCharsets.UTF_8);
                    CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord record : parser) {
                    counts.add(record);
                }
            }
            return counts;
        }

        void add(CSVRecord r) {
            String invoice = r.get("InvoiceNo").trim();
            String code = r.get("StockCode").trim();
            String description = r.get("Description").trim();
            int quantity = Integer.parseInt(r.get("Quantity").trim());
            LocalDateTime time = LocalDateTime.parse(r.get("InvoiceDate").trim(), TIME);
            BigDecimal price = new BigDecimal(r.get("UnitPrice").trim());
            String customer = r.get("CustomerID").trim();
            String country = r.get("Country").trim();
            boolean cancelled = invoice.charAt(0) == 'C';

            missingCustomer += customer.isEmpty() ? 1 : 0;
            missingCountry += country.isEmpty() || country.equalsIgnoreCase("Unspecified") ? 1 : 0;
            nonPositiveQuantity += quantity <= 0 ? 1 : 0;
            nonPositivePrice += price.signum() <= 0 ? 1 : 0;
            quantityBeyondCap += Math.abs(quantity) > 2_000 ? 1 : 0;
            nonProductLines += fiveDigits(code) ? 0 : 1;
            cancellations += cancelled ? 1 : 0;
            String line =
                    String.join(
                            "|",
                            invoice,
                            code,
                            r.get("Quantity").trim(),
                            r.get("InvoiceDate").trim(),
                            price.stripTrailingZeros().toPlainString(),
                            customer,
                            country);
            duplicateLines += lines.add(line) ? 0 : 1;
            times.add(time);
            oldest = time.isBefore(oldest) ? time : oldest;
            newest = time.isAfter(newest) ? time : newest;

            Set<String> texts = descriptions.computeIfAbsent(code, c -> new HashSet<>());
            if (!description.isEmpty()) {
                texts.add(description);
            }
            perDay.merge(time.toLocalDate(), 1L, Long::sum);
            addPurchaseFacts(cancelled, code, customer, quantity, price, time);
            if (cancelled && !customer.isEmpty()) {
                cancellationKeys.add(new String[] {customer + "/" + code, time.toString()});
            }
            boolean clean =
                    !customer.isEmpty()
                            && !cancelled
                            && quantity > 0
                            && price.signum() > 0
                            && fiveDigits(code);
            cleanLines += clean ? 1 : 0;
        }

        private void addPurchaseFacts(
                boolean cancelled,
                String code,
                String customer,
                int quantity,
                BigDecimal price,
                LocalDateTime time) {
            if (cancelled) {
                return;
            }
            long[] day = purchaseLinesPerDay.computeIfAbsent(time.toLocalDate(), d -> new long[2]);
            day[0]++;
            day[1] += price.signum() <= 0 ? 1 : 0;
            if (price.signum() > 0) {
                purchasePrices.computeIfAbsent(code, c -> new ArrayList<>()).add(price);
            }
            if (!customer.isEmpty() && quantity > 0) {
                earliestPurchase.merge(
                        customer + "/" + code, time, (a, b) -> a.isBefore(b) ? a : b);
            }
        }

        private static boolean fiveDigits(String code) {
            if (code.length() < 5) {
                return false;
            }
            for (int i = 0; i < 5; i++) {
                if (!Character.isDigit(code.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        long codesWithoutDescription() {
            return descriptions.values().stream().filter(Set::isEmpty).count();
        }

        long codesWithConflictingDescriptions() {
            return descriptions.values().stream().filter(s -> s.size() > 1).count();
        }

        long cancellationsWithEarlierPurchase() {
            long matched = 0;
            for (String[] key : cancellationKeys) {
                LocalDateTime first = earliestPurchase.get(key[0]);
                matched += first != null && first.isBefore(LocalDateTime.parse(key[1])) ? 1 : 0;
            }
            return matched;
        }

        /** Lines above ten times their code's median positive purchase price (codes with 5+). */
        long priceOutliers() {
            long outliers = 0;
            for (List<BigDecimal> prices : purchasePrices.values()) {
                if (prices.size() < 5) {
                    continue;
                }
                List<BigDecimal> sorted = new ArrayList<>(prices);
                Collections.sort(sorted);
                int n = sorted.size();
                BigDecimal median =
                        n % 2 == 1
                                ? sorted.get(n / 2)
                                : sorted.get(n / 2 - 1)
                                        .add(sorted.get(n / 2))
                                        .divide(BigDecimal.valueOf(2));
                BigDecimal limit = median.multiply(BigDecimal.TEN);
                outliers += prices.stream().filter(p -> p.compareTo(limit) > 0).count();
            }
            return outliers;
        }

        /** Lines in the {@code days} days before {@code asOf}, their UK local time made UTC. */
        long linesBefore(Instant asOf, int days) {
            Instant from = asOf.minus(java.time.Duration.ofDays(days));
            return times.stream()
                    .map(t -> t.atZone(UK).toInstant())
                    .filter(at -> !at.isBefore(from) && at.isBefore(asOf))
                    .count();
        }

        Instant newestInstant() {
            return newest.atZone(UK).toInstant();
        }

        Instant oldestInstant() {
            return oldest.atZone(UK).toInstant();
        }

        List<LocalDate> emptyDays(boolean weekend) {
            List<LocalDate> empty = new ArrayList<>();
            for (LocalDate d = perDay.firstKey(); !d.isAfter(perDay.lastKey()); d = d.plusDays(1)) {
                boolean isWeekend =
                        d.getDayOfWeek() == DayOfWeek.SATURDAY
                                || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (!perDay.containsKey(d) && isWeekend == weekend) {
                    empty.add(d);
                }
            }
            return empty;
        }

        /** Days below 20% of the median of the days with events in the 28 days before (7+). */
        List<LocalDate> lowDays() {
            List<LocalDate> low = new ArrayList<>();
            for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
                List<Long> window =
                        new ArrayList<>(
                                perDay.subMap(day.getKey().minusDays(28), day.getKey()).values());
                if (window.size() < 7) {
                    continue;
                }
                Collections.sort(window);
                int n = window.size();
                double median =
                        n % 2 == 1
                                ? window.get(n / 2)
                                : (window.get(n / 2 - 1) + window.get(n / 2)) / 2.0;
                if (day.getValue() < 0.2 * median) {
                    low.add(day.getKey());
                }
            }
            return low;
        }

        LocalDate worstZeroPriceDay(long minLines) {
            LocalDate worst = null;
            double worstShare = -1;
            for (Map.Entry<LocalDate, long[]> day : purchaseLinesPerDay.entrySet()) {
                long[] c = day.getValue();
                double share = (double) c[1] / c[0];
                if (c[0] >= minLines && share > worstShare) {
                    worst = day.getKey();
                    worstShare = share;
                }
            }
            return worst;
        }
    }
}
