package org.jvpn.testkit.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.testkit.TestSupport;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.ip.IpPackets;

class PcapAndKeyLogTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void writeThenReadBack() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        byte[] p1 = IpPackets.udp(IpPackets.address("10.0.0.1"), 500, IpPackets.address("10.0.0.2"), 500, new byte[40]);
        byte[] p2 = IpPackets.echoRequest(IpPackets.address("2001:db8::1"), IpPackets.address("2001:db8::2"), 1, 1, new byte[8]);
        try (PcapWriter w = PcapWriter.to(bos, PcapWriter.LINKTYPE_RAW)) {
            w.write(1_700_000_000_123_456_000L, p1);
            w.write(1_700_000_001_000_001_000L, p2);
        }
        List<PcapRecord> r = PcapReader.read(bos.toByteArray());
        assertEquals(2, r.size());
        assertEquals(1_700_000_000_123_456_000L, r.get(0).epochNanos());
        assertEquals(PcapWriter.LINKTYPE_RAW, r.get(1).linkType());
        assertArrayEquals(p1, r.get(0).ipPacket());
        assertArrayEquals(p2, r.get(1).ipPacket());
        assertEquals(p2.length, r.get(1).originalLength());
    }

    @Test
    void readsTheSharedEthernetCaptures() throws IOException {
        List<PcapRecord> r = PcapReader.read(TestSupport.shared().resolve("vectors/pcaps/08-sunrise-sunset-aes128.pcap"));
        assertEquals(8, r.size());
        for (PcapRecord rec : r) {
            assertEquals(PcapWriter.LINKTYPE_ETHERNET, rec.linkType());
            IpPacket ip = IpPacket.parse(rec.ipPacket());
            assertEquals(IpPackets.PROTO_ESP, ip.protocol());
            assertEquals(IpPackets.address("192.1.2.23"), ip.source());
            assertEquals(0xed123456L, Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(ip.payload()).getInt()));
        }
    }

    @Test
    void nullLoopbackFramesStripTheFamily() {
        byte[] ip = IpPackets.udp(IpPackets.address("10.0.0.1"), 1, IpPackets.address("10.0.0.2"), 2, new byte[1]);
        byte[] frame = new byte[4 + ip.length];
        frame[0] = 2;
        System.arraycopy(ip, 0, frame, 4, ip.length);
        assertArrayEquals(ip, new PcapRecord(0, frame, frame.length, PcapWriter.LINKTYPE_NULL).ipPacket());
    }

    private static WiresharkKeyLog sunriseSunsetKeys() throws IOException {
        WiresharkKeyLog log = new WiresharkKeyLog();
        log.espSa(IpPackets.address("192.1.2.23"), IpPackets.address("192.1.2.45"), 0xed123456,
                EncryptionAlgorithm.AES_128, HEX.parseHex("aaaabbbbccccdddd4043434545464649"), AuthAlgorithm.SHA1,
                HEX.parseHex("8765876587658765876587658765876587658765"));
        return log;
    }

    @Test
    void keyLogLinesAreInWiresharksFormats() throws IOException {
        WiresharkKeyLog log = sunriseSunsetKeys();
        assertEquals(List.of("\"IPv4\",\"192.1.2.23\",\"192.1.2.45\",\"0xed123456\",\"AES-CBC [RFC3602]\","
                + "\"0xaaaabbbbccccdddd4043434545464649\",\"HMAC-SHA-1-96 [RFC2404]\","
                + "\"0x8765876587658765876587658765876587658765\""), log.espSaLines());
        log.ikeSa(HEX.parseHex("0011223344556677"), HEX.parseHex("8899aabbccddeeff"), EncryptionAlgorithm.AES_128,
                HEX.parseHex("000102030405060708090a0b0c0d0e0f"));
        assertEquals(List.of("0011223344556677,000102030405060708090a0b0c0d0e0f"), log.ikev1Lines());
        log.espSa(IpPackets.address("2001:db8::1"), IpPackets.address("2001:db8::2"), 1,
                EncryptionAlgorithm.AES_256_GCM_16, new byte[36], null, null);
        assertTrue(log.espSaLines().get(1).startsWith("\"IPv6\",\"2001:db8:0:0:0:0:0:1\""));
        assertTrue(log.espSaLines().get(1).contains("\"AES-GCM with 16 octet ICV [RFC4106]\""));
        assertTrue(log.espSaLines().get(1).endsWith("\"NULL\",\"\""));
        assertFalse(log.toString().contains("aaaa"), "toString never shows keys");
        Path dir = TestSupport.samples().resolve("keylog-example");
        List<Path> files = log.writeTo(dir);
        assertTrue(Files.readString(dir.resolve("esp_sa")).contains("0xed123456"));
        assertEquals(3, files.size());
    }

    @Test
    void tsharkDecryptsWithTheKeyLogInlineAndAsConfigDir() throws Exception {
        assumeTrue(TestSupport.tshark() != null, "tshark not installed");
        Path pcap = TestSupport.shared().resolve("vectors/pcaps/08-sunrise-sunset-aes128.pcap");
        WiresharkKeyLog log = sunriseSunsetKeys();
        List<String> args = new ArrayList<>(log.tsharkOptions());
        args.addAll(List.of("-r", pcap.toString(), "-T", "fields", "-e", "icmp.type"));
        assertEquals("8\n".repeat(8), TestSupport.tshark(args));
        Path dir = Files.createDirectories(TestSupport.samples().resolve("tshark-config"));
        log.writeTo(dir);
        assertEquals("8\n".repeat(8), TestSupport.tshark(List.of("-r", pcap.toString(), "-T", "fields", "-e",
                "icmp.type"), dir));
        // the IKEv1 table line is accepted by tshark
        log.ikeSa(HEX.parseHex("0011223344556677"), new byte[8], null, new byte[16]);
        TestSupport.tshark(List.of("-o", log.tsharkOptions().get(log.tsharkOptions().size() - 1), "-r",
                pcap.toString(), "-c", "1"));
    }
}
