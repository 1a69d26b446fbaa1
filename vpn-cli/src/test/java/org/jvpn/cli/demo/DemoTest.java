package org.jvpn.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.pcap.PcapReader;
import org.jvpn.testkit.pcap.PcapRecord;

/** The demo in-process over real loopback UDP, on two free ports. */
class DemoTest {

    @Test
    void hundredPingsThroughTheTunnel(@TempDir Path dir) throws Exception {
        Demo.Settings defaults = Demo.Settings.defaults(dir);
        int[] ports = freePorts(defaults);
        Demo.Settings s = defaults.withPorts(ports[0], ports[1]);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Demo.Result r = Demo.run(s, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(r.up(), text);
        assertNotNull(r.ping(), text);
        assertEquals(100, r.ping().transmitted(), text);
        assertEquals(100, r.ping().received(), text);
        assertTrue(r.success());
        assertTrue(text.contains("100 packets transmitted, 100 received, 0% packet loss, time "), text);
        assertTrue(r.statusA().contains("connection a-to-b: UP"), r.statusA());
        assertTrue(r.statusB().contains("connection b-to-a: UP"), r.statusB());
        assertTrue(r.statusA().contains("aes128gcm16-modp2048"), r.statusA());
        assertTrue(r.statsA().packetsOut() >= 100, r.statsA().toString());
        assertTrue(r.statsB().packetsIn() >= 100, r.statsB().toString());
        assertTrue(r.espSas() >= 2, "key log ESP SAs: " + r.espSas());
        assertTrue(Files.size(r.keyLogDir().resolve("esp_sa")) > 0);
        assertTrue(text.contains("tshark -r " + r.outerPcap()), text);

        // the outer capture: IKE on the IKE port, then ESP-in-UDP on the NAT-T port, both directions
        List<PcapRecord> recs = PcapReader.read(r.outerPcap());
        assertTrue(recs.size() >= 200 + 9, "records: " + recs.size());
        int ikePort = 0;
        int nattToB = 0;
        int nattToA = 0;
        for (PcapRecord rec : recs) {
            IpPacket ip = IpPacket.parse(rec.ipPacket());
            assertTrue(ip.checksumsOk(), ip.toString());
            IpPacket.Udp u = ip.udp();
            assertNotNull(u);
            if (u.destinationPort() == ports[0]) {
                ikePort++;
            } else if (u.destinationPort() == ports[1]) {
                if (ip.destination().equals(s.addressB())) {
                    nattToB++;
                } else {
                    nattToA++;
                }
            }
        }
        assertTrue(ikePort >= 2, "main mode messages 1-4 on the IKE port: " + ikePort);
        assertTrue(nattToB >= 100 && nattToA >= 100, nattToB + " / " + nattToA);
    }

    /** Two UDP ports that are free on both loopback addresses right now. */
    private static int[] freePorts(Demo.Settings s) throws SocketException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int[] p = new int[2];
            try (DatagramSocket x = new DatagramSocket(new InetSocketAddress(s.addressA(), 0));
                 DatagramSocket y = new DatagramSocket(new InetSocketAddress(s.addressA(), 0))) {
                p[0] = x.getLocalPort();
                p[1] = y.getLocalPort();
            }
            if (p[0] != p[1] && freeOn(s, p[0]) && freeOn(s, p[1])) {
                return p;
            }
        }
        throw new IllegalStateException("no two free UDP ports on " + s.addressA() + " and " + s.addressB());
    }

    private static boolean freeOn(Demo.Settings s, int port) {
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(s.addressA(), port));
             DatagramSocket b = new DatagramSocket(new InetSocketAddress(s.addressB(), port))) {
            return a.isBound() && b.isBound();
        } catch (SocketException e) {
            return false;
        }
    }

}
