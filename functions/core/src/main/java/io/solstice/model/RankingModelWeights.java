package io.solstice.model;

import static io.solstice.model.BinaryFields.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The learned parameters of the Solstice ranking network, in the compact form the rank function
 * reads. The trainer writes the same numbers into the TensorFlow SavedModel; {@link
 * io.solstice.score.ModelScorer} computes the same forward pass in plain Java.
 *
 * <p>The network scores one (shopper, candidate item, date) triple:
 *
 * <pre>
 *   x     = min(max(features, featureMin), featureMax)                   clipped to the training range
 *   z     = (x - featureMean) / featureScale                             standardised features
 *   score = outputKernel . relu(z . hiddenKernel + hiddenBias)           deep part
 *         + linearKernel . z + outputBias                                wide part
 *         + userEmbedding[user] . itemEmbedding[item]                    collaborative part
 *         + itemSeason[item] . (sin, cos of the hemisphere's day of year) seasonal part
 * </pre>
 *
 * Row 0 of the embedding tables is the unknown user or item and is all zeros. Matrices are stored
 * row-major.
 *
 * @param featureNames names of the dense features, in input order
 * @param featureMin smallest value of each feature in the training rows; inputs are clipped to it
 * @param featureMax largest value of each feature in the training rows; inputs are clipped to it
 * @param featureMean per-feature mean used for standardising
 * @param featureScale per-feature standard deviation used for standardising (never 0)
 * @param hiddenKernel {@code features x hidden} matrix
 * @param hiddenBias {@code hidden} vector
 * @param outputKernel {@code hidden} vector
 * @param linearKernel {@code features} vector
 * @param outputBias scalar
 * @param embeddingDim width of user and item embeddings
 * @param userIds user ids; user id {@code userIds[r]} has embedding row {@code r + 1}
 * @param itemIds item ids; item id {@code itemIds[r]} has embedding row {@code r + 1}
 * @param userEmbedding {@code (users + 1) x embeddingDim}
 * @param itemEmbedding {@code (items + 1) x embeddingDim}
 * @param itemSeason {@code (items + 1) x SEASON_WIDTH}
 */
public record RankingModelWeights(
        List<String> featureNames,
        float[] featureMin,
        float[] featureMax,
        float[] featureMean,
        float[] featureScale,
        float[] hiddenKernel,
        float[] hiddenBias,
        float[] outputKernel,
        float[] linearKernel,
        float outputBias,
        int embeddingDim,
        List<String> userIds,
        List<String> itemIds,
        float[] userEmbedding,
        float[] itemEmbedding,
        float[] itemSeason) {

    /** Width of the time-of-year encoding: sine and cosine of the day-of-year angle. */
    public static final int SEASON_WIDTH = 2;

    private static final int MAGIC = 0x534f4c57; // "SOLW"
    private static final int FORMAT_VERSION = 2;

    public RankingModelWeights {
        int features = featureNames.size();
        int hidden = hiddenBias.length;
        requireLength("featureMin", featureMin, features);
        requireLength("featureMax", featureMax, features);
        requireLength("featureMean", featureMean, features);
        requireLength("featureScale", featureScale, features);
        requireLength("hiddenKernel", hiddenKernel, features * hidden);
        requireLength("outputKernel", outputKernel, hidden);
        requireLength("linearKernel", linearKernel, features);
        requireLength("userEmbedding", userEmbedding, (userIds.size() + 1) * embeddingDim);
        requireLength("itemEmbedding", itemEmbedding, (itemIds.size() + 1) * embeddingDim);
        requireLength("itemSeason", itemSeason, (itemIds.size() + 1) * SEASON_WIDTH);
    }

    private static void requireLength(String name, float[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    name + ": expected " + expected + " values, got " + values.length);
        }
    }

    public int featureCount() {
        return featureNames.size();
    }

    public int hiddenWidth() {
        return hiddenBias.length;
    }

    /** Serialises to the compact binary format (big-endian, versioned). */
    public byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            writeStrings(out, featureNames);
            writeFloats(out, featureMin);
            writeFloats(out, featureMax);
            writeFloats(out, featureMean);
            writeFloats(out, featureScale);
            writeFloats(out, hiddenKernel);
            writeFloats(out, hiddenBias);
            writeFloats(out, outputKernel);
            writeFloats(out, linearKernel);
            out.writeFloat(outputBias);
            out.writeInt(embeddingDim);
            writeStrings(out, userIds);
            writeStrings(out, itemIds);
            writeFloats(out, userEmbedding);
            writeFloats(out, itemEmbedding);
            writeFloats(out, itemSeason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * Reads what {@link #toBytes()} wrote.
     *
     * @throws ModelFormatException when the bytes are not a weights file of a supported version
     */
    public static RankingModelWeights fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            readHeader(in);
            return new RankingModelWeights(
                    readStrings(in),
                    readFloats(in),
                    readFloats(in),
                    readFloats(in),
                    readFloats(in),
                    readFloats(in),
                    readFloats(in),
                    readFloats(in),
                    readFloats(in),
                    in.readFloat(),
                    in.readInt(),
                    readStrings(in),
                    readStrings(in),
                    readFloats(in),
                    readFloats(in),
                    readFloats(in));
        } catch (IOException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new ModelFormatException("weights file is truncated or corrupt: " + e, e);
        }
    }

    private static void readHeader(DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new ModelFormatException(
                    "not a Solstice weights file: expected magic SOLW, got 0x"
                            + Integer.toHexString(magic));
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(
                    "weights format version "
                            + version
                            + " is not supported, expected "
                            + FORMAT_VERSION);
        }
    }
}
