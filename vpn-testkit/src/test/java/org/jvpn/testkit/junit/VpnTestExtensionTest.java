package org.jvpn.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.jvpn.testkit.SeededRandom;
import org.jvpn.testkit.TestSupport;
import org.jvpn.testkit.inner.MemoryTunnelDevice;
import org.jvpn.testkit.net.VirtualHost;
import org.jvpn.testkit.net.VirtualNetwork;
import org.jvpn.testkit.pcap.PcapReader;
import org.jvpn.testkit.pcap.WiresharkKeyLog;
import org.jvpn.testkit.time.VirtualClock;
import org.jvpn.testkit.time.VirtualScheduler;

@VpnTest(seed = 1234)
class VpnTestExtensionTest {

    private static final AtomicBoolean CLOSED = new AtomicBoolean();

    @Test
    void injectsOneWiredWorldPerTest(VirtualScheduler s, VirtualClock c, VirtualNetwork net, SeededRandom r,
                                     WiresharkKeyLog keyLog, TestArtifacts artifacts) {
        assertSame(s, artifacts.scheduler());
        assertSame(c, s.clock());
        assertSame(net, artifacts.network());
        assertSame(s, net.scheduler());
        assertSame(r, artifacts.random());
        assertSame(keyLog, artifacts.keyLog());
        assertEquals(1234, r.seed());
        assertEquals(VirtualClock.ORIGIN_NANOS, c.nanoTime(), "fresh clock per test");
        s.advance(Duration.ofHours(1));
    }

    @Test
    @VpnTest(seed = 77)
    void methodSeedWins(SeededRandom r) {
        assertEquals(77, r.seed());
    }

    @Test
    void registeredResourcesAreClosedAfterTheTest(TestArtifacts artifacts) {
        MemoryTunnelDevice d = artifacts.device("x");
        artifacts.register(() -> CLOSED.set(true));
        assertTrue(d.name().equals("x"));
    }

    @AfterAll
    static void closedAfterwards() {
        assertTrue(CLOSED.get());
    }

    @Test
    void artifactsWriteCapturesKeyLogAndReadme(TestArtifacts artifacts, VirtualNetwork net, VirtualScheduler s)
            throws Exception {
        VirtualHost a = net.host("198.51.100.1");
        VirtualHost b = net.host("198.51.100.2");
        a.open((p, r, d) -> { });
        b.open((p, r, d) -> { });
        a.send(500, b.endpoint(500), new byte[] {1, 2, 3, 4});
        s.runUntilIdle();
        artifacts.device("left");
        artifacts.keyLog().ikeSa(new byte[8], new byte[8], null, new byte[16]);
        List<Path> files = artifacts.write();
        Path dir = artifacts.directory();
        assertTrue(dir.toString().contains("vpn-test-artifacts"), dir.toString());
        assertTrue(files.contains(dir.resolve("outer.pcap")), files.toString());
        assertTrue(files.contains(dir.resolve("inner-left.pcap")), files.toString());
        assertTrue(files.contains(dir.resolve("esp_sa")));
        assertEquals(1, PcapReader.read(dir.resolve("outer.pcap")).size());
        assertTrue(Files.readString(dir.resolve("README.txt")).contains("seed: 1234"));
        assertTrue(Files.readString(dir.resolve("ikev1_decryption_table")).contains("0000000000000000,"));
    }

    @Test
    void derivedSeedsAreStablePerTestName() {
        Path p = VpnTestExtension.buildDirectory();
        assertTrue(p.toString().length() > 0);
        assertTrue(TestSupport.samples().startsWith(Path.of(System.getProperty("jvpn.build.directory", "target"))));
    }
}
