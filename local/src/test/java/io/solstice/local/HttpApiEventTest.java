package io.solstice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HttpApiEventTest {

    @Test
    void postEventHasThePayloadV2Shape() {
        // when
        JsonNode event = HttpApiEvent.post("/events").jsonBody("{\"events\":[]}").toJsonNode();

        // then
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("$default");
        assertThat(event.path("rawPath").asText()).isEqualTo("/events");
        assertThat(event.path("rawQueryString").asText()).isEmpty();
        assertThat(event.path("headers").path("content-type").asText())
                .isEqualTo("application/json");
        assertThat(event.path("requestContext").path("http").path("method").asText())
                .isEqualTo("POST");
        assertThat(event.path("requestContext").path("http").path("path").asText())
                .isEqualTo("/events");
        assertThat(event.path("requestContext").path("http").path("sourceIp").asText())
                .isNotBlank();
        assertThat(event.path("body").asText()).isEqualTo("{\"events\":[]}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void base64BodyIsEncodedAndFlagged() {
        // given
        byte[] content = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);

        // when
        JsonNode event =
                HttpApiEvent.post("/catalog").base64Body(content, "application/json").toJsonNode();

        // then
        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(content);
    }

    @Test
    void responseBodyIsDecodedWhenBase64Encoded() {
        // given
        String encoded =
                Base64.getEncoder()
                        .encodeToString("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        String json =
                "{\"statusCode\":207,\"headers\":{\"Content-Type\":\"application/json\"},"
                        + "\"body\":\""
                        + encoded
                        + "\",\"isBase64Encoded\":true}";

        // when
        HttpApiResponse response = HttpApiResponse.parse(json);

        // then
        assertThat(response.statusCode()).isEqualTo(207);
        assertThat(response.bodyJson().path("ok").asBoolean()).isTrue();
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
    }
}
