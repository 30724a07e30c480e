package io.solstice.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's options.
 *
 * <pre>
 * --data=FILE          transactions file (default ../shared/data/online_retail.csv.gz)
 * --dates=D1,D2        the two dates to rank for (default 2011-06-15,2011-11-15)
 * --customers=A,B,C    customer ids (default: three active customers from three countries)
 * --count=N            items per list (default 10)
 * --skip-evaluation    do not run the evaluation
 * </pre>
 *
 * @param root the repository root (paths to the built functions are relative to it)
 * @param work where the stand-ins keep their data and the evaluation its output
 */
record DemoSettings(
        Path root,
        Path data,
        List<LocalDate> dates,
        List<String> customers,
        int count,
        boolean evaluate,
        Path work) {

    static DemoSettings parse(String[] args) {
        Path root =
                Path.of(System.getProperty("solstice.repo.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolveSibling("shared").resolve("data").resolve("online_retail.csv.gz");
        List<LocalDate> dates = List.of(LocalDate.of(2011, 6, 15), LocalDate.of(2011, 11, 15));
        List<String> customers = List.of();
        int count = 10;
        boolean evaluate = true;
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.startsWith("--data=")) {
                data = Path.of(value).toAbsolutePath();
            } else if (arg.startsWith("--dates=")) {
                dates = dates(value);
            } else if (arg.startsWith("--customers=")) {
                customers = List.of(value.split(","));
            } else if (arg.startsWith("--count=")) {
                count = Integer.parseInt(value);
            } else if (arg.equals("--skip-evaluation")) {
                evaluate = false;
            } else {
                throw new IllegalArgumentException(
                        "unknown option '"
                                + arg
                                + "'; expected --data=FILE, --dates=D1,D2, --customers=A,B,C,"
                                + " --count=N or --skip-evaluation");
            }
        }
        if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException(
                    "transactions file " + data + " not found; pass --data=FILE");
        }
        return new DemoSettings(
                root,
                data,
                dates,
                customers,
                count,
                evaluate,
                root.resolve("target/solstice-demo"));
    }

    private static List<LocalDate> dates(String value) {
        List<LocalDate> dates = new ArrayList<>();
        for (String date : value.split(",")) {
            dates.add(LocalDate.parse(date.trim()));
        }
        if (dates.size() != 2) {
            throw new IllegalArgumentException("--dates expects two dates, got " + value);
        }
        return dates;
    }

    Path ingestZip() {
        return root.resolve("functions/ingest/target/function.zip");
    }

    Path rankZip() {
        return root.resolve("functions/rank/target/function.zip");
    }

    Path trainJar() {
        return root.resolve("functions/train/target/solstice-train.jar");
    }
}
