package org.jvpn.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Paths and tshark for the testkit's own tests. */
public final class TestSupport {

    private TestSupport() {}

    /** {@code <build dir>/testkit-samples}: captures left for people to open. */
    public static Path samples() {
        return Path.of(System.getProperty("jvpn.build.directory", "target")).resolve("testkit-samples");
    }

    /** {@code ../shared} (the jvpn.shared property). */
    public static Path shared() {
        return Path.of(System.getProperty("jvpn.shared", "../shared"));
    }

    /** The tshark executable on PATH, or null. */
    public static Path tshark() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "tshark");
            if (p.toFile().canExecute()) {
                return p;
            }
        }
        return null;
    }

    /** Runs tshark with {@code args}; returns stdout (stderr discarded); fails on a non-zero exit. */
    public static String tshark(List<String> args) throws IOException, InterruptedException {
        return tshark(args, null);
    }

    public static String tshark(List<String> args, Path configDir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tshark().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (configDir != null) {
            pb.environment().put("WIRESHARK_CONFIG_DIR", configDir.toAbsolutePath().toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tshark timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException("tshark " + args + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
