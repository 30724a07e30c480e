package io.solstice.local;

/** Where the Node.js executable that runs the stand-ins is found. */
final class NodeRuntime {

    /** System property naming the Node.js executable; {@code node} on the PATH by default. */
    static final String NODE_PROPERTY = "solstice.node";

    private NodeRuntime() {}

    static String executable() {
        String configured = System.getProperty(NODE_PROPERTY);
        return configured == null || configured.isBlank() ? "node" : configured;
    }
}
