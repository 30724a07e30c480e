package io.solstice.feature;

import static io.solstice.model.BinaryFields.*;

import io.solstice.model.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Writes {@link ItemSignals} into the model artifact and reads them back (gzip, versioned). */
public final class ItemSignalsCodec {

    private static final int MAGIC = 0x534f4c49; // "SOLI"
    private static final int FORMAT_VERSION = 1;

    private ItemSignalsCodec() {}

    public static byte[] encode(ItemSignals signals) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(buffer))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            writeStrings(out, signals.itemIds());
            out.writeInt(signals.firstDay());
            out.writeInt(signals.dayCount());
            writeInts(out, signals.cumulativeBuyers());
            writeInts(out, signals.firstSaleDay());
            writeInts(out, signals.neighbourStart());
            writeInts(out, signals.neighbours());
            writeFloats(out, signals.neighbourSimilarity());
            writeStrings(out, signals.holidayNames());
            writeFloats(out, signals.holidaySalesAffinity());
            writeFloats(out, signals.holidayText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * @throws ModelFormatException when the bytes are not item signals of a supported version
     */
    public static ItemSignals decode(byte[] bytes) {
        try (DataInputStream in =
                new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            if (in.readInt() != MAGIC) {
                throw new ModelFormatException("not a Solstice item signals file (magic SOLI)");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new ModelFormatException(
                        "item signals format version "
                                + version
                                + " is not supported, expected "
                                + FORMAT_VERSION);
            }
            return new ItemSignals(
                    readStrings(in),
                    in.readInt(),
                    in.readInt(),
                    readInts(in),
                    readInts(in),
                    readInts(in),
                    readInts(in),
                    readFloats(in),
                    readStrings(in),
                    readFloats(in),
                    readFloats(in));
        } catch (IOException | NegativeArraySizeException e) {
            throw new ModelFormatException("item signals file is truncated or corrupt: " + e, e);
        }
    }
}
