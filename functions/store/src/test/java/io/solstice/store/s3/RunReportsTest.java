package io.solstice.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solstice.local.LocalS3;
import io.solstice.store.MissingResourceException;
import io.solstice.store.StandIns;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class RunReportsTest {

    private static final String BUCKET = "models";

    private static LocalS3 s3;

    private static S3Client client;

    @BeforeAll
    static void startS3() {
        s3 = LocalS3.start(BUCKET);
        client = StandIns.s3Client(s3);
    }

    @AfterAll
    static void stopS3() {
        client.close();
        s3.close();
    }

    @Test
    void aRunsReportIsWrittenUnderReportsWithItsContentTypeAndLeavesModelsAlone() {
        // given
        RunReports reports = new RunReports(client, BUCKET);
        byte[] html = "<html></html>".getBytes(StandardCharsets.UTF_8);

        // when
        String location = reports.write("20111210T000000Z", Map.of("quality-report.html", html));

        // then
        assertThat(location).isEqualTo("s3://models/reports/20111210T000000Z/");
        assertThat(reports.read("20111210T000000Z", "quality-report.html")).hasValue(html);
        assertThat(reports.read("20111210T000000Z", "other.json")).isEmpty();
        String key = "reports/20111210T000000Z/quality-report.html";
        assertThat(client.headObject(b -> b.bucket(BUCKET).key(key)).contentType())
                .startsWith("text/html");
        assertThat(new ModelRepository(client, BUCKET).currentPointer()).isEmpty();
    }

    @Test
    void badNamesAndMissingBucketsAreNamedInTheError() {
        // given
        RunReports reports = new RunReports(client, BUCKET);
        RunReports nowhere = new RunReports(client, "no-such-bucket");

        // then
        assertThatThrownBy(() -> reports.write("../x", Map.of("a.json", new byte[0])))
                .hasMessageContaining("run id")
                .hasMessageContaining("'../x'");
        assertThatThrownBy(() -> reports.write("r1", Map.of("sub/a.json", new byte[0])))
                .hasMessageContaining("report file name");
        assertThatThrownBy(() -> nowhere.write("r1", Map.of("a.json", new byte[1])))
                .isInstanceOf(MissingResourceException.class)
                .hasMessageContaining("no-such-bucket");
    }
}
