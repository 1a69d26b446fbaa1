package org.jvpn.testkit.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.testkit.TestSupport;
import org.jvpn.testkit.pcap.PcapReader;
import org.jvpn.testkit.pcap.PcapRecord;

class ChecksumTest {

    @Test
    void rfc1071Example() {
        // RFC 1071 section 3: bytes 00 01 f2 03 f4 f5 f6 f7 sum to 0xddf2; the checksum is its complement
        byte[] d = HexFormat.of().parseHex("0001f203f4f5f6f7");
        assertEquals(0xddf2, InternetChecksum.sum(d, 0, d.length, 0));
        assertEquals(0x220d, InternetChecksum.checksum(d, 0, d.length));
    }

    @Test
    void wellKnownIpv4Header() {
        // the classic example header 4500 0073 0000 4000 4011 [b861] c0a8 0001 c0a8 00c7
        byte[] h = HexFormat.of().parseHex("450000730000400040110000c0a80001c0a800c7");
        assertEquals(0xb861, InternetChecksum.checksum(h, 0, h.length));
    }

    @Test
    void checksumsOfCapturedPacketsVerify() throws IOException {
        // real IKE over UDP from ../shared/vectors/pcaps: IPv4 header and UDP checksums as sent by real stacks
        List<PcapRecord> recs = PcapReader.read(TestSupport.shared().resolve("vectors/pcaps/ISAKMP_sa_setup.pcap"));
        int udpChecked = 0;
        for (PcapRecord r : recs) {
            IpPacket p = IpPacket.parse(r.ipPacket());
            assertTrue(p.headerChecksumOk(), "IPv4 header checksum of " + p);
            IpPacket.Udp u = p.udp();
            assertNotNull(u);
            assertTrue(u.checksumOk(), "UDP checksum of " + p);
            udpChecked++;
        }
        assertTrue(udpChecked >= 6, "checked " + udpChecked);
    }

    @Test
    void builtPacketsVerifyAndCorruptionIsDetected() {
        InetAddress a4 = IpPackets.address("10.1.0.1");
        InetAddress b4 = IpPackets.address("10.2.0.1");
        InetAddress a6 = IpPackets.address("2001:db8:1::1");
        InetAddress b6 = IpPackets.address("2001:db8:2::1");
        for (byte[] p : List.of(IpPackets.udp(a4, 1000, b4, 7, new byte[] {1, 2, 3}),
                IpPackets.echoRequest(a4, b4, 1, 2, new byte[33]), IpPackets.udp(a6, 1000, b6, 7, new byte[5]),
                IpPackets.echoReply(a6, b6, 1, 2, new byte[56]))) {
            assertTrue(IpPacket.parse(p).checksumsOk());
            p[p.length - 1] ^= 0x40;
            assertFalse(IpPacket.parse(p).checksumsOk());
        }
    }

    @Test
    void parseRejectsTruncatedPackets() {
        byte[] p = IpPackets.udp(IpPackets.address("10.1.0.1"), 1, IpPackets.address("10.1.0.2"), 2, new byte[10]);
        try {
            IpPacket.parse(p, 0, p.length - 1);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("total length"), e.getMessage());
            return;
        }
        throw new AssertionError("truncated packet accepted");
    }
}
