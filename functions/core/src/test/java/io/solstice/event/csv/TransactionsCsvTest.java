package io.solstice.event.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solstice.event.CatalogItem;
import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionsCsvTest {

    private static final String CSV =
            String.join(
                    "\n",
                    "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
                    "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom",
                    "C536379,85123A,,-1,2010-12-01 09:41:00,2.55,14527,United Kingdom",
                    "536380,22423,\"REGENCY CAKESTAND, 3 TIER\",2,2011-06-01 10:00:00,12.75,,France",
                    "536381,22423,,six,2011-06-02 10:00:00,12.75,12583,France",
                    "536382,85123A,CREAM HANGING HEART T-LIGHT HOLDER,1,2011-07-01 12:00:00,2.95,17850,United Kingdom",
                    "536383,22423,REGENCY CAKESTAND 3 TIER,1,2011-13-01 12:00:00,12.75,12583,France",
                    "");

    private final TransactionsCsv reader = new TransactionsCsv(ColumnMapping.onlineRetail());

    @TempDir Path directory;

    private List<Interaction> read(List<Interaction> into) throws IOException {
        reader.read(new StringReader(CSV), into::add);
        return into;
    }

    @Test
    void givenOnlineRetailRows_whenRead_thenEachGoodRowIsAnInteraction() throws IOException {
        List<Interaction> events = read(new ArrayList<>());

        assertThat(events)
                .extracting(Interaction::eventId)
                .containsExactly("536365-1", "C536379-2", "536380-3", "536382-5");
        Interaction first = events.get(0);
        assertThat(first.type()).isEqualTo(InteractionType.PURCHASE);
        assertThat(first.userId()).isEqualTo("17850");
        assertThat(first.itemId()).isEqualTo("85123A");
        assertThat(first.quantity()).isEqualTo(6);
        assertThat(first.unitPrice()).isEqualTo(2.55);
        assertThat(first.country()).isEqualTo("United Kingdom");
        assertThat(first.orderId()).isEqualTo("536365");
    }

    @Test
    void givenCancellationAndGuest_whenRead_thenReturnTypeAndNullUser() throws IOException {
        List<Interaction> events = read(new ArrayList<>());

        assertThat(events.get(1).type()).isEqualTo(InteractionType.RETURN);
        assertThat(events.get(1).quantity()).isEqualTo(-1);
        assertThat(events.get(2).userId()).isNull();
        assertThat(events.get(2).isGuest()).isTrue();
    }

    @Test
    void givenLondonTimestamps_whenRead_thenWinterIsUtcAndSummerIsPlusOne() throws IOException {
        List<Interaction> events = read(new ArrayList<>());

        assertThat(events.get(0).occurredAt())
                .isEqualTo(OffsetDateTime.of(2010, 12, 1, 8, 26, 0, 0, ZoneOffset.UTC));
        assertThat(events.get(3).occurredAt())
                .isEqualTo(OffsetDateTime.of(2011, 7, 1, 12, 0, 0, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void givenBadRows_whenRead_thenEachIsReportedWithRowColumnAndValueAndSkipped()
            throws IOException {
        CsvReadReport report = reader.read(new StringReader(CSV), event -> {});

        assertThat(report.rows()).isEqualTo(6);
        assertThat(report.interactions()).isEqualTo(4);
        assertThat(report.problemCount()).isEqualTo(2);
        assertThat(report.problems())
                .extracting(RowProblem::rowNumber, RowProblem::column, RowProblem::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, "Quantity", "six"),
                        org.assertj.core.groups.Tuple.tuple(
                                6L, "InvoiceDate", "2011-13-01 12:00:00"));
        assertThat(report.problems().get(0).describe())
                .isEqualTo("row 4, column Quantity: expected an integer, found \"six\"");
    }

    @Test
    void givenRowsOfAnItem_whenRead_thenCatalogHasItsLatestDescriptionAndPrice()
            throws IOException {
        CsvReadReport report = reader.read(new StringReader(CSV), event -> {});

        assertThat(report.catalog())
                .extracting(CatalogItem::itemId)
                .containsExactly("85123A", "22423");
        CatalogItem heart = report.catalog().get(0);
        assertThat(heart.title()).isEqualTo("CREAM HANGING HEART T-LIGHT HOLDER");
        assertThat(heart.description()).isEqualTo(heart.title());
        assertThat(heart.price()).isEqualTo(2.95);
        assertThat(heart.inStock()).isTrue();
        assertThat(report.catalog().get(1).title()).isEqualTo("REGENCY CAKESTAND, 3 TIER");
    }

    @Test
    void givenAnItemDescribedTwoWays_whenRead_thenTheReportListsBothDescriptions()
            throws IOException {
        CsvReadReport report = reader.read(new StringReader(CSV), event -> {});

        assertThat(report.descriptionVariants())
                .containsOnlyKeys("85123A")
                .containsEntry(
                        "85123A",
                        List.of(
                                "WHITE HANGING HEART T-LIGHT HOLDER",
                                "CREAM HANGING HEART T-LIGHT HOLDER"));
    }

    @Test
    void givenProblemSink_whenRead_thenEveryProblemGoesToItInRowOrder() throws IOException {
        StringBuilder csv = new StringBuilder(CSV.substring(0, CSV.indexOf('\n') + 1));
        int bad = TransactionsCsv.MAX_PROBLEMS_KEPT + 5;
        for (int row = 1; row <= bad; row++) {
            csv.append("536381,22423,,x").append(row).append(",2011-06-02 10:00:00,1,1,France\n");
        }
        List<RowProblem> problems = new ArrayList<>();

        CsvReadReport report =
                reader.read(new StringReader(csv.toString()), e -> {}, problems::add);

        assertThat(report.problems()).hasSize(TransactionsCsv.MAX_PROBLEMS_KEPT);
        assertThat(problems).hasSize(bad);
        assertThat(problems.get(bad - 1).rowNumber()).isEqualTo(bad);
        assertThat(problems.get(bad - 1).value()).isEqualTo("x" + bad);
    }

    @Test
    void givenGzipFile_whenReadTwice_thenSameEventIds() throws IOException {
        Path file = directory.resolve("transactions.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }

        TransactionsCsv.Contents first = reader.readAll(file);
        TransactionsCsv.Contents second = reader.readAll(file);

        assertThat(first.interactions()).hasSize(4);
        assertThat(first.interactions())
                .extracting(Interaction::eventId)
                .isEqualTo(second.interactions().stream().map(Interaction::eventId).toList());
    }

    @Test
    void givenFileWithoutAMappedColumn_whenRead_thenTheErrorNamesTheColumn() {
        String noCountry =
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID\n";

        assertThatThrownBy(() -> reader.read(new StringReader(noCountry), event -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[Country]");
    }

    @Test
    void givenOtherMapping_whenRead_thenItsColumnsAndPatternAreUsed() throws IOException {
        ColumnMapping mapping =
                new ColumnMapping(
                        "order",
                        "sku",
                        null,
                        "qty",
                        "ts",
                        null,
                        "customer",
                        null,
                        "dd/MM/yyyy HH:mm",
                        java.time.ZoneId.of("Europe/Berlin"));
        String csv = "ts,sku,qty,order,customer\n01/07/2023 10:30,X1,3,O-9,c7\n";
        List<Interaction> events = new ArrayList<>();

        new TransactionsCsv(mapping).read(new StringReader(csv), events::add);

        assertThat(events)
                .singleElement()
                .satisfies(
                        event -> {
                            assertThat(event.eventId()).isEqualTo("O-9-1");
                            assertThat(event.occurredAt().getOffset())
                                    .isEqualTo(ZoneOffset.ofHours(2));
                            assertThat(event.unitPrice()).isNaN();
                            assertThat(event.country()).isNull();
                        });
    }

    @Test
    void givenFieldOverride_whenMapped_thenOnlyThatColumnChanges() {
        ColumnMapping mapping = ColumnMapping.onlineRetail().withColumn("userId", "Customer");

        assertThat(mapping.userId()).isEqualTo("Customer");
        assertThat(mapping.orderId()).isEqualTo("InvoiceNo");
        assertThat(mapping.withColumn("country", "").country()).isNull();
        assertThatThrownBy(() -> mapping.withColumn("sku", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderId");
    }
}
