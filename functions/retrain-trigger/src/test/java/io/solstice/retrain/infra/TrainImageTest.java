package io.solstice.retrain.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.solstice.local.TestEvents;
import io.solstice.retrain.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the training images in step with the build and the template (no Docker needed): the GPU
 * image swaps in the GPU build of the TensorFlow natives at the version the pom uses, both images
 * run the job the train module packages with the same entrypoint, and each job definition runs its
 * own image.
 */
class TrainImageTest {

    private static final Path ROOT = TestEvents.repoRoot();

    @Test
    void theGpuImageSwapsTheNativesOfThePomsTensorFlowVersion() throws Exception {
        // given
        String pomVersion = firstGroup(read("pom.xml"), "<tensorflow.native.version>([^<]+)<");

        // when
        String gpu = read("functions/train/Dockerfile.gpu");

        // then
        assertThat(firstGroup(gpu, "ARG TF_NATIVE_VERSION=(\\S+)")).isEqualTo(pomVersion);
        assertThat(gpu)
                .contains("tensorflow-core-native-${TF_NATIVE_VERSION}-linux-x86_64-gpu.jar")
                .contains("lib/tensorflow-core-native-${TF_NATIVE_VERSION}-linux-x86_64.jar")
                .containsPattern("FROM nvidia/cuda:12\\.3\\.\\d+-cudnn8-runtime-");
    }

    @Test
    void bothImagesRunThePackagedJobWithOneEntrypoint() throws Exception {
        // given
        String trainPom = read("functions/train/pom.xml");

        // when
        String cpuEntrypoint = entrypoint(read("functions/train/Dockerfile"));
        String gpuEntrypoint = entrypoint(read("functions/train/Dockerfile.gpu"));

        // then
        assertThat(trainPom)
                .contains("<finalName>solstice-train</finalName>")
                .contains("<mainClass>io.solstice.train.job.TrainJob</mainClass>")
                .contains("<classpathPrefix>lib/</classpathPrefix>");
        assertThat(cpuEntrypoint).contains("\"-jar\", \"/opt/solstice/solstice-train.jar\"");
        assertThat(gpuEntrypoint).isEqualTo(cpuEntrypoint);
    }

    @Test
    void eachJobDefinitionRunsItsImage() {
        SamTemplate template = SamTemplate.read(RepoFiles.template());

        assertThat(imageOf(template, "TrainGpuJobDefinition")).isEqualTo("TrainGpuImageUri");
        assertThat(imageOf(template, "TrainCpuJobDefinition")).isEqualTo("TrainCpuImageUri");
    }

    private static String imageOf(SamTemplate template, String definition) {
        return template.properties(definition).at("/ContainerProperties/Image/Ref").asText();
    }

    private static String entrypoint(String dockerfile) {
        String joined = dockerfile.replace("\\\n", " ");
        return firstGroup(joined, "(?m)^ENTRYPOINT (\\[.*\\])$").replaceAll("\\s+", " ");
    }

    private static String firstGroup(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in%n%s", regex, text).isTrue();
        return m.group(1);
    }

    private static String read(String path) throws Exception {
        return Files.readString(ROOT.resolve(path));
    }
}
