package io.solstice.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.solstice.event.BatchEnvelope;
import io.solstice.event.CatalogItem;
import io.solstice.event.CatalogItemValidator;
import io.solstice.event.Validated;
import io.solstice.store.dynamodb.CatalogStore;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Handles a {@code POST /catalog} body: checks each item on its own, upserts the valid ones (the
 * last of several with one id wins) and reports per item.
 */
public final class CatalogIngest {

    private static final Logger LOG = Logger.getLogger(CatalogIngest.class);

    private final CatalogStore store;

    /**
     * @param store where valid items go
     */
    public CatalogIngest(CatalogStore store) {
        this.store = store;
    }

    /**
     * Ingests one request body.
     *
     * @param body the parsed JSON body, or {@code null} when the request had none
     */
    public IngestOutcome ingest(JsonNode body) {
        long start = System.nanoTime();
        Validated<List<JsonNode>> envelope =
                BatchEnvelope.records(body, "items", CatalogItemValidator.MAX_ITEMS);
        if (!envelope.isValid()) {
            LOG.infof(
                    "ingest batch unreadable kind=catalog error=%s",
                    envelope.errors().get(0).message());
            String error = "the body is not a batch of catalog items";
            return new IngestOutcome(
                    IngestOutcome.BAD_REQUEST, IngestResponse.unreadable(error, envelope.errors()));
        }

        List<JsonNode> records = envelope.value();
        List<RecordResult> results = new ArrayList<>();
        List<CatalogItem> valid = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Validated<CatalogItem> item =
                    CatalogItemValidator.validate(records.get(i), "items[" + i + "]");
            results.add(result(i, records.get(i), item));
            if (item.isValid()) {
                valid.add(item.value());
            }
        }

        if (!valid.isEmpty()) {
            store.upsert(valid);
        }
        IngestOutcome outcome = respond(results, valid.size());
        LOG.infof(
                "ingest batch kind=catalog received=%d accepted=%d rejected=%d durationMs=%d",
                records.size(),
                valid.size(),
                records.size() - valid.size(),
                (System.nanoTime() - start) / 1_000_000);
        return outcome;
    }

    private static IngestOutcome respond(List<RecordResult> results, int accepted) {
        int rejected = results.size() - accepted;
        int status = IngestOutcome.statusFor(accepted, rejected);
        String error = status == IngestOutcome.BAD_REQUEST ? "every item was rejected" : null;
        return new IngestOutcome(
                status,
                new IngestResponse(
                        results.size(), accepted, null, null, rejected, error, null, results));
    }

    private static RecordResult result(int index, JsonNode record, Validated<CatalogItem> item) {
        JsonNode id = record.path("itemId");
        String itemId = id.isTextual() ? id.textValue() : null;
        if (item.isValid()) {
            return new RecordResult(index, null, itemId, RecordResult.ACCEPTED, null);
        }
        List<FieldErrorBody> errors = item.errors().stream().map(FieldErrorBody::of).toList();
        return new RecordResult(index, null, itemId, RecordResult.REJECTED, errors);
    }
}
