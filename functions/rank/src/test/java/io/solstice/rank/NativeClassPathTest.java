package io.solstice.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rank function is compiled to a native executable and scores in plain Java: TensorFlow, DJL
 * and Tribuo must not reach its class path, not even through solstice-core. The Maven enforcer rule
 * in this module's pom fails the build first; these tests keep the guard visible, and catch a rule
 * that was edited away.
 */
class NativeClassPathTest {

    private static final List<String> BANNED_GROUPS =
            List.of("org.tensorflow", "ai.djl", "org.tribuo");

    @ParameterizedTest
    @ValueSource(strings = {"org/tensorflow/", "ai/djl/", "org/tribuo/"})
    void givenTheTestClassPath_whenScanned_thenNoJarComesFromABannedGroup(String groupPath) {
        // given the class path surefire resolved for this module (main, test and their deps)
        String classPath =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));

        // when
        List<String> jars =
                Arrays.stream(classPath.split(File.pathSeparator))
                        .map(entry -> entry.replace(File.separatorChar, '/'))
                        .toList();

        // then
        assertThat(jars).isNotEmpty().noneMatch(jar -> jar.contains("/" + groupPath));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"org.tensorflow.TensorFlow", "ai.djl.engine.Engine", "org.tribuo.Model"})
    void givenABannedLibrary_whenItsEntryClassIsLoaded_thenItIsNotFound(String className) {
        assertThatThrownBy(() -> Class.forName(className))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.tensorflow", "ai.djl", "org.tribuo"})
    void givenThePom_whenRead_thenTheEnforcerBansTheGroup(String group) throws IOException {
        // given
        String pom = Files.readString(Path.of("pom.xml"));

        // when
        String rule = pom.substring(pom.indexOf("<bannedDependencies>"));

        // then
        assertThat(BANNED_GROUPS).contains(group);
        assertThat(rule).contains("<exclude>" + group + "</exclude>");
        assertThat(pom).contains("<id>no-tensorflow-in-rank</id>", "<goal>enforce</goal>");
    }
}
