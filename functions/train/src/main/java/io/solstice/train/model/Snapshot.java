package io.solstice.train.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The values of the trainable variables at one epoch, copied out of the session. */
record Snapshot(List<float[]> values, List<Shape> shapes, float validationLoss, int epoch) {

    static Snapshot take(Session session, RankingNetwork network, float validationLoss, int epoch) {
        List<float[]> values = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (Variable<TFloat32> variable : network.variables()) {
            try (TFloat32 tensor = (TFloat32) session.runner().fetch(variable).run().get(0)) {
                values.add(copy(tensor));
                shapes.add(tensor.shape());
            }
        }
        return new Snapshot(values, shapes, validationLoss, epoch);
    }

    /** The current value of any float operand, flattened row-major. */
    static float[] fetch(Session session, Operand<TFloat32> operand) {
        try (TFloat32 tensor = (TFloat32) session.runner().fetch(operand).run().get(0)) {
            return copy(tensor);
        }
    }

    private static float[] copy(TFloat32 tensor) {
        float[] values = new float[(int) tensor.size()];
        tensor.copyTo(
                org.tensorflow.ndarray.NdArrays.wrap(
                        tensor.shape(), DataBuffers.of(values, false, false)));
        return values;
    }

    /** Puts these values back into the session's variables. */
    void restore(Session session, RankingNetwork network) {
        List<TFloat32> tensors = new ArrayList<>();
        try {
            for (int i = 0; i < values.size(); i++) {
                tensors.add(TFloat32.tensorOf(shapes.get(i), DataBuffers.of(values.get(i))));
            }
            network.restore(session, tensors);
        } finally {
            tensors.forEach(Tensor::close);
        }
    }

    float[] hiddenKernel() {
        return values.get(0);
    }

    float[] hiddenBias() {
        return values.get(1);
    }

    float[] outputKernel() {
        return values.get(2);
    }

    float[] linearKernel() {
        return values.get(3);
    }

    float[] outputBias() {
        return values.get(4);
    }

    float[] userEmbedding() {
        return values.get(5);
    }

    float[] itemEmbedding() {
        return values.get(6);
    }

    float[] itemSeason() {
        return values.get(7);
    }
}
