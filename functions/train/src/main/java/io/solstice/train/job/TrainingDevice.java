package io.solstice.train.job;

import org.jboss.logging.Logger;

/**
 * Which device TensorFlow trains on. The CPU natives ship with the job; the GPU image replaces them
 * with {@code tensorflow-core-native:linux-x86_64-gpu}, and TensorFlow then places ops on the GPU
 * by itself. This reports what the process can see, so the manifest records it.
 */
final class TrainingDevice {

    private static final Logger LOG = Logger.getLogger(TrainingDevice.class);

    private TrainingDevice() {}

    /** {@code GPU} when an NVIDIA device is visible to this process, else {@code CPU}. */
    static String detect() {
        boolean gpu =
                new java.io.File("/proc/driver/nvidia/version").exists()
                        && !"-1".equals(System.getenv("CUDA_VISIBLE_DEVICES"));
        String device = gpu ? "GPU" : "CPU";
        LOG.infof("training_device device=%s", device);
        return device;
    }
}
