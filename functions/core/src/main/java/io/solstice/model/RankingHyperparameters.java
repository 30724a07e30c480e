package io.solstice.model;

/**
 * Everything that decides how the ranking network is trained; recorded in every model's manifest.
 *
 * @param hiddenWidth units in the hidden layer of the deep part
 * @param embeddingDim width of user and item embeddings (the collaborative part)
 * @param maxEpochs upper bound on passes over the training pairs
 * @param patience stop after this many epochs without a better validation loss
 * @param batchSize training pairs per optimiser step
 * @param learningRate Adam step size
 * @param l2 weight of the L2 penalty on the embeddings and season vectors used in a batch
 * @param seed seeds initial weights and the order of training pairs
 */
public record RankingHyperparameters(
        int hiddenWidth,
        int embeddingDim,
        int maxEpochs,
        int patience,
        int batchSize,
        float learningRate,
        float l2,
        long seed) {

    /** The defaults used by the train job and the evaluation. */
    public static RankingHyperparameters defaults() {
        return new RankingHyperparameters(32, 16, 12, 2, 1024, 0.003f, 1e-2f, 20_111_215L);
    }
}
