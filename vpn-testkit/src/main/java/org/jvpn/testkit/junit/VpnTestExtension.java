package org.jvpn.testkit.junit;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.jvpn.testkit.SeededRandom;
import org.jvpn.testkit.net.VirtualNetwork;
import org.jvpn.testkit.pcap.WiresharkKeyLog;
import org.jvpn.testkit.time.VirtualClock;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * The extension behind {@link VpnTest}. Per test: builds a {@link TestArtifacts} world and injects its
 * parts; after the test body, if it failed, or if any scheduler task threw (which then fails the test),
 * writes the captures and key log under {@code <build dir>/vpn-test-artifacts/<class>/<method>/} and
 * prints the seed and the paths; after each test closes everything registered.
 *
 * <p>The build directory is the system property {@code jvpn.build.directory} (set by surefire to
 * {@code ${project.build.directory}}), else {@code ${basedir}/target}, else the temp directory.
 *
 * <p>Gateway injection will come with the gateway API; until then tests create gateways themselves and
 * {@link TestArtifacts#register register} them.
 */
public final class VpnTestExtension implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(VpnTestExtension.class);
    private static final String KEY = "artifacts";
    private static final List<Class<?>> INJECTABLE = List.of(TestArtifacts.class, VirtualScheduler.class,
            VirtualClock.class, VirtualNetwork.class, SeededRandom.class, WiresharkKeyLog.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        artifacts(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return INJECTABLE.contains(parameterContext.getParameter().getType())
                && extensionContext.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        TestArtifacts a = artifacts(extensionContext);
        Class<?> t = parameterContext.getParameter().getType();
        if (t == TestArtifacts.class) {
            return a;
        } else if (t == VirtualScheduler.class) {
            return a.scheduler();
        } else if (t == VirtualClock.class) {
            return a.scheduler().clock();
        } else if (t == VirtualNetwork.class) {
            return a.network();
        } else if (t == SeededRandom.class) {
            return a.random();
        } else if (t == WiresharkKeyLog.class) {
            return a.keyLog();
        }
        throw new ParameterResolutionException("VpnTestExtension cannot inject " + t.getName());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        TestArtifacts a = artifacts(context);
        Optional<Throwable> failure = context.getExecutionException();
        List<Throwable> taskFailures = a.scheduler().taskFailures();
        if (failure.isEmpty() && taskFailures.isEmpty()) {
            return;
        }
        String why = failure.isPresent() ? "FAILED" : "had " + taskFailures.size() + " scheduler task failure(s)";
        StringBuilder msg = new StringBuilder("[jvpn-testkit] ").append(a.testName()).append(' ').append(why)
                .append(" with seed ").append(a.seed()).append(" (rerun with -Djvpn.seed=").append(a.seed()).append(")");
        try {
            List<Path> files = a.write();
            msg.append("; artifacts:");
            for (Path p : files) {
                msg.append("\n    ").append(p.toAbsolutePath());
            }
        } catch (Exception e) {
            msg.append("; could not write artifacts to ").append(a.directory()).append(": ").append(e);
        }
        System.out.println(msg);
        if (failure.isEmpty()) {
            AssertionError e = new AssertionError(taskFailures.size() + " task(s) run by the VirtualScheduler threw "
                    + "(seed " + a.seed() + "); the first is the cause", taskFailures.get(0));
            for (Throwable t : taskFailures.subList(1, taskFailures.size())) {
                e.addSuppressed(t);
            }
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Throwable t = artifacts(context).closeAll();
        if (t instanceof Exception e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
    }

    private static TestArtifacts artifacts(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(KEY, k -> create(context), TestArtifacts.class);
    }

    private static TestArtifacts create(ExtensionContext context) {
        Class<?> cls = context.getRequiredTestClass();
        String method = context.getTestMethod().map(Method::getName).orElse("class");
        String display = context.getDisplayName();
        String leaf = display.equals(method + "()") || display.startsWith(method + "(") ? method
                : method + "-" + display;
        long seed = seed(context, cls.getName() + "#" + method);
        Path dir = buildDirectory().resolve("vpn-test-artifacts").resolve(cls.getName())
                .resolve(leaf.replaceAll("[^A-Za-z0-9._\\-\\[\\]]", "_"));
        return new TestArtifacts(cls.getName() + "#" + leaf, seed, dir);
    }

    static long seed(ExtensionContext context, String name) {
        String prop = System.getProperty("jvpn.seed");
        if (prop != null && !prop.isBlank()) {
            return Long.parseLong(prop.trim());
        }
        @Nullable VpnTest m = context.getTestMethod().map(x -> x.getAnnotation(VpnTest.class)).orElse(null);
        if (m != null && m.seed() != VpnTest.DERIVED) {
            return m.seed();
        }
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            VpnTest t = c.getAnnotation(VpnTest.class);
            if (t != null && t.seed() != VpnTest.DERIVED) {
                return t.seed();
            }
        }
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h & Long.MAX_VALUE;
    }

    static Path buildDirectory() {
        String dir = System.getProperty("jvpn.build.directory");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String base = System.getProperty("basedir");
        if (base != null && !base.isBlank()) {
            return Path.of(base, System.getProperty("jvpn.target", "target"));
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "jvpn-test-artifacts");
    }
}
