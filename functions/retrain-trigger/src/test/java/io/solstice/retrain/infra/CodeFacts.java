package io.solstice.retrain.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the functions' code needs from their deployment, read from the sources so that a new setting
 * or route shows up here without editing the test: the required keys of every
 * {@code @ConfigMapping} interface (no {@code @WithDefault}, not {@code Optional}), as environment
 * variables; the HTTP routes (Funqy functions, {@code ROUTE} constants); the Lambda handler that
 * the module's Quarkus extension provides; and the variables the train job requires.
 */
final class CodeFacts {

    /** Handler of a Quarkus Lambda with the amazon-lambda(-http) extensions. */
    static final String QUARKUS_HANDLER =
            "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** Handler of a Quarkus Lambda with the Funqy amazon-lambda binding. */
    static final String FUNQY_HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    private static final Pattern PREFIX =
            Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern METHOD =
            Pattern.compile("((?:@\\w+(?:\\([^)]*\\))?\\s+)*)([\\w.<>, ]+?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"");
    private static final Pattern FUNQ = Pattern.compile("@Funq\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern ROUTE =
            Pattern.compile("static final String ROUTE = \"([A-Z]+ /[^\"]*)\";");
    private static final Pattern STREAM_HANDLER =
            Pattern.compile(
                    "public void handleRequest\\(\\s*InputStream \\w+,\\s*OutputStream \\w+,"
                            + "\\s*Context \\w+\\)");
    private static final Pattern TRAIN_REQUIRED =
            Pattern.compile(
                    "required\\(values, \"(\\w+)\"\\)|\"environment variable (\\w+) must be set\"");

    private CodeFacts() {}

    /** Environment variables a module's configuration mappings require. */
    static Set<String> requiredVariables(Path module) {
        Set<String> variables = new LinkedHashSet<>();
        for (Path source : sources(module)) {
            String text = withoutComments(read(source));
            Matcher prefix = PREFIX.matcher(text);
            if (prefix.find()) {
                variables.addAll(required(prefix.group(1), text.substring(prefix.end())));
            }
        }
        return variables;
    }

    /**
     * The HTTP routes a module serves, as {@code "POST /events"}: one per Funqy function (Funqy
     * HTTP serves each as {@code POST /name}), and each {@code ROUTE} constant of a module that
     * routes API Gateway events itself.
     */
    static Set<String> httpRoutes(Path module) {
        Set<String> routes = new LinkedHashSet<>();
        for (Path source : sources(module)) {
            String text = read(source);
            Matcher funq = FUNQ.matcher(text);
            while (funq.find()) {
                routes.add("POST /" + funq.group(1));
            }
            Matcher route = ROUTE.matcher(text);
            while (route.find()) {
                routes.add(route.group(1));
            }
        }
        return routes;
    }

    /**
     * The Lambda handler of a module: its own stream-handler class when it declares one (a public
     * {@code handleRequest(InputStream, OutputStream, Context)} method in front of Quarkus), else
     * the handler its Quarkus extension provides, from its pom.
     */
    static String lambdaHandler(Path module) {
        for (Path source : sources(module)) {
            String text = read(source);
            if (STREAM_HANDLER.matcher(text).find()) {
                return className(module, source) + "::handleRequest";
            }
        }
        String pom = read(module.resolve("pom.xml"));
        if (pom.contains("<artifactId>quarkus-funqy-amazon-lambda</artifactId>")) {
            return FUNQY_HANDLER;
        }
        if (pom.contains("<artifactId>quarkus-amazon-lambda-http</artifactId>")
                || pom.contains("<artifactId>quarkus-amazon-lambda</artifactId>")) {
            return QUARKUS_HANDLER;
        }
        throw new AssertionError(module + "/pom.xml has no Quarkus Lambda extension");
    }

    /** The variables {@code TrainJobSettings} and {@code TrainJob} refuse to run without. */
    static Set<String> trainJobVariables(Path trainModule) {
        Path settings =
                trainModule.resolve("src/main/java/io/solstice/train/job/TrainJobSettings.java");
        Set<String> variables = new LinkedHashSet<>();
        Matcher m = TRAIN_REQUIRED.matcher(read(settings));
        while (m.find()) {
            variables.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return variables;
    }

    private static List<String> required(String prefix, String body) {
        List<String> variables = new ArrayList<>();
        Matcher method = METHOD.matcher(body);
        while (method.find()) {
            String annotations = method.group(1);
            String type = method.group(2).trim();
            if (annotations.contains("@WithDefault") || type.startsWith("Optional")) {
                continue;
            }
            Matcher name = WITH_NAME.matcher(annotations);
            String key = name.find() ? name.group(1) : kebab(method.group(3));
            variables.add((prefix + "." + key).toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return variables;
    }

    private static String className(Path module, Path source) {
        String relative = module.resolve("src/main/java").relativize(source).toString();
        return relative.replace(".java", "").replace('/', '.');
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    private static List<Path> sources(Path module) {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
