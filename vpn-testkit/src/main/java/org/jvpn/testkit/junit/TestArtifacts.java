package org.jvpn.testkit.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.GatewayOptions;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.Cidr;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.testkit.SeededRandom;
import org.jvpn.testkit.inner.MemoryTunnelDevice;
import org.jvpn.testkit.net.VirtualNetwork;
import org.jvpn.testkit.pcap.Capture;
import org.jvpn.testkit.pcap.WiresharkKeyLog;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * One test's world and what it leaves behind: the scheduler, network and random source the extension
 * injects, the captures and the key log written when the test fails, and resources closed after the
 * test. Gateways (and anything else {@link AutoCloseable}) are {@link #register registered} so they are
 * closed after the test, last registered first; pass {@link #keyLog()} to a gateway's key log setting so
 * a failing test leaves a capture that opens decrypted.
 */
public final class TestArtifacts {

    private final String testName;
    private final long seed;
    private final Path directory;
    private final VirtualScheduler scheduler;
    private final SeededRandom random;
    private final VirtualNetwork network;
    private final WiresharkKeyLog keyLog = new WiresharkKeyLog();
    private final List<Capture> captures = Collections.synchronizedList(new ArrayList<>());
    private final List<AutoCloseable> closeables = Collections.synchronizedList(new ArrayList<>());

    /** A world for {@code testName}, writing into {@code directory} on failure. */
    public TestArtifacts(String testName, long seed, Path directory) {
        this.testName = testName;
        this.seed = seed;
        this.directory = directory;
        this.scheduler = new VirtualScheduler();
        this.random = new SeededRandom(seed);
        this.network = new VirtualNetwork(scheduler, random.fork("network"));
        captures.add(network.capture());
    }

    public String testName() {
        return testName;
    }

    public long seed() {
        return seed;
    }

    /** Where {@link #write()} puts the files. */
    public Path directory() {
        return directory;
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    public SeededRandom random() {
        return random;
    }

    public VirtualNetwork network() {
        return network;
    }

    /** The key log written on failure; hand it to gateways as their key log sink. */
    public WiresharkKeyLog keyLog() {
        return keyLog;
    }

    /** A tunnel device on this test's scheduler whose inner capture is kept. */
    public MemoryTunnelDevice device(String name) {
        MemoryTunnelDevice d = new MemoryTunnelDevice(name, scheduler);
        addCapture(d.capture());
        return register(d);
    }

    /**
     * A gateway for {@code config}, created through the API ({@link VpnGateway#create}, which finds the
     * implementation with ServiceLoader), living in this world: a host on the virtual network at the
     * service's local address (ports 500 and 4500), an in-memory tunnel device named after the service
     * (captured), the virtual scheduler, a random stream forked from this test's seed, and this test's
     * key log. It is started by the caller and closed after the test.
     */
    public VpnGateway gateway(GatewayConfig config) {
        return gateway(config, b -> b);
    }

    /** As {@link #gateway(GatewayConfig)}, with further options (ports, retransmission, rekey policy, ...). */
    public VpnGateway gateway(GatewayConfig config, UnaryOperator<GatewayOptions.Builder> options) {
        String name = config.service().name();
        String address = Cidr.format(config.service().localAddress());
        MemoryTunnelDevice dev = device(name);
        GatewayOptions.Builder b = GatewayOptions.builder()
                .transport(network.host(address, 500, 4500))
                .tunnel(dev)
                .scheduler(scheduler)
                .random(random.fork("gateway " + name))
                .keyLog(keyLog);
        GatewayOptions opts = options.apply(b).build();
        if (opts.ikePort() != 500 || opts.nattPort() != 4500) {
            opts = options.apply(b.transport(network.host(address, opts.ikePort(), opts.nattPort()))).build();
        }
        return register(VpnGateway.create(config, opts));
    }

    /** The in-memory tunnel device of the gateway made by {@link #gateway} for service {@code serviceName}. */
    public MemoryTunnelDevice deviceOf(String serviceName) {
        for (AutoCloseable c : closeables) {
            if (c instanceof MemoryTunnelDevice d && d.name().equals(serviceName)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no gateway device for service '" + serviceName + "'");
    }

    /**
     * Runs virtual time in 10 ms steps until every handle is {@link ConnectionState#UP}, at most
     * {@code limit}; returns whether they all are.
     */
    public boolean runUntilUp(Duration limit, ConnectionHandle... handles) {
        Duration step = Duration.ofMillis(10);
        for (Duration t = Duration.ZERO; ; t = t.plus(step)) {
            boolean all = true;
            for (ConnectionHandle h : handles) {
                all &= h.state() == ConnectionState.UP;
            }
            if (all) {
                return true;
            }
            if (t.compareTo(limit) >= 0) {
                return false;
            }
            scheduler.advance(step);
        }
    }

    /** Keeps {@code capture} to be written on failure (as {@code <name>.pcap}). */
    public TestArtifacts addCapture(Capture capture) {
        captures.add(capture);
        return this;
    }

    /** Closes {@code resource} after the test (in reverse order of registration); returns it. */
    public <T extends AutoCloseable> T register(T resource) {
        closeables.add(resource);
        return resource;
    }

    /**
     * Writes every capture ({@code <name>.pcap}), the key log ({@code esp_sa}, {@code ikev1_decryption_table},
     * {@code preferences}: a directory usable as {@code WIRESHARK_CONFIG_DIR}) and {@code README.txt} with the
     * seed and the tshark command line.
     *
     * @return the files written
     */
    public List<Path> write() throws IOException {
        Files.createDirectories(directory);
        List<Path> out = new ArrayList<>();
        List<Capture> copy;
        synchronized (captures) {
            copy = new ArrayList<>(captures);
        }
        for (Capture c : copy) {
            Path f = directory.resolve(c.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".pcap");
            c.writePcap(f);
            out.add(f);
        }
        out.addAll(keyLog.writeTo(directory));
        Path readme = directory.resolve("README.txt");
        StringBuilder sb = new StringBuilder();
        sb.append("test: ").append(testName).append('\n');
        sb.append("seed: ").append(seed).append("   (rerun with -Djvpn.seed=").append(seed).append(")\n");
        sb.append("virtual time at end: +").append(scheduler.clock().elapsed()).append('\n');
        sb.append("open decrypted (the key log files hold SECRETS of this test only):\n");
        sb.append("  WIRESHARK_CONFIG_DIR=").append(directory.toAbsolutePath()).append(" tshark -r ")
                .append(directory.toAbsolutePath().resolve("outer.pcap")).append('\n');
        Files.writeString(readme, sb.toString(), StandardCharsets.UTF_8);
        out.add(readme);
        return out;
    }

    /** Closes registered resources, last first; returns the first failure with the others suppressed. */
    Throwable closeAll() {
        Throwable first = null;
        List<AutoCloseable> copy;
        synchronized (closeables) {
            copy = new ArrayList<>(closeables);
            closeables.clear();
        }
        Collections.reverse(copy);
        for (AutoCloseable c : copy) {
            try {
                c.close();
            } catch (Exception | AssertionError e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }

    @Override
    public String toString() {
        return "TestArtifacts[" + testName + ", seed " + seed + "]";
    }
}
