package io.solstice.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LocalStandInsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dynamoDbStandInAnswersListTablesAndStopsOnClose() throws Exception {
        // given
        LocalDynamoDb dynamo = LocalDynamoDb.start();

        // when
        HttpResponse<String> response;
        try (dynamo) {
            response =
                    http.send(listTables(dynamo.endpoint()), HttpResponse.BodyHandlers.ofString());
        }

        // then
        assertThat(response.body()).isEqualTo("{\"TableNames\":[]}");
        assertThat(dynamo.logFile()).exists();
        assertThat(answers(dynamo.endpoint())).isFalse();
    }

    @Test
    void s3StandInServesConfiguredBucketsAndCleansUp() throws Exception {
        // given
        LocalS3 s3 = LocalS3.start("models");

        // when
        HttpResponse<String> response;
        try (s3) {
            response = http.send(get(s3.endpoint()), HttpResponse.BodyHandlers.ofString());
        }

        // then
        assertThat(response.body()).contains("<Name>models</Name>");
        assertThat(s3.directory()).doesNotExist();
        assertThat(answers(s3.endpoint())).isFalse();
    }

    private static HttpRequest listTables(URI endpoint) {
        return HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request,"
                                + " SignedHeaders=host, Signature=0")
                .header("X-Amz-Date", "20200101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }

    private static HttpRequest get(URI endpoint) {
        return HttpRequest.newBuilder(endpoint).build();
    }

    private boolean answers(URI endpoint) {
        try {
            http.send(get(endpoint), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
