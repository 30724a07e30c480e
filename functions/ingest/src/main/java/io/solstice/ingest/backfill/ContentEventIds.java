package io.solstice.ingest.backfill;

import io.solstice.event.Interaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Gives each imported row an event id derived from its content, so that importing the same file
 * again, or a file with the same rows in another order, yields the same ids and stores nothing
 * twice.
 *
 * <p>The id is {@code tx-} and the first 128 bits of the SHA-256 of the row's fields (order, type,
 * shopper, item, quantity, unit price, instant, country), in hex: {@code tx-3f2a...e9} (35
 * characters). Identical rows are kept apart by their occurrence: the second copy of a row gets
 * {@code -2}, the third {@code -3}. Transaction exports do repeat lines (36 of the first 1,999
 * Online Retail rows repeat an earlier one), and training reads every line, so the copies are
 * stored.
 */
final class ContentEventIds {

    /** Every id this class gives starts with this. */
    static final String PREFIX = "tx-";

    private static final char SEPARATOR = '\u001f';

    private static final HexFormat HEX = HexFormat.of();

    private final Map<Long, Integer> occurrences = new HashMap<>();

    private final MessageDigest sha256 = newDigest();

    /** The id of this row: its content hash, with the occurrence number from the second copy on. */
    String idFor(Interaction row) {
        byte[] hash = sha256.digest(canonical(row).getBytes(StandardCharsets.UTF_8));
        long key = ByteBuffer.wrap(hash).getLong();
        int occurrence = occurrences.merge(key, 1, Integer::sum);
        String id = PREFIX + HEX.formatHex(hash, 0, 16);
        return occurrence == 1 ? id : id + "-" + occurrence;
    }

    /** The row with its content id in place of the one it was read with. */
    Interaction withContentId(Interaction row) {
        return new Interaction(
                idFor(row),
                row.type(),
                row.userId(),
                row.itemId(),
                row.quantity(),
                row.unitPrice(),
                row.occurredAt(),
                row.country(),
                row.orderId(),
                row.query(),
                row.rating());
    }

    private static String canonical(Interaction row) {
        StringBuilder text = new StringBuilder(128);
        append(text, row.orderId());
        append(text, row.type().wireName());
        append(text, row.userId());
        append(text, row.itemId());
        append(text, Integer.toString(row.quantity()));
        append(text, Double.toString(row.unitPrice()));
        append(text, row.occurredAt().toInstant().toString());
        append(text, row.country());
        return text.toString();
    }

    private static void append(StringBuilder text, String value) {
        text.append(value == null ? "" : value).append(SEPARATOR);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
