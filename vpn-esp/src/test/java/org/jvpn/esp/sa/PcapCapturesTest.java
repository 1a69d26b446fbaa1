package org.jvpn.esp.sa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvpn.api.spi.crypto.BlockCipherAlgorithm;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.esp.crypto.CryptoBackends;
import org.jvpn.esp.testutil.Pcap;
import org.jvpn.esp.testutil.Vectors;

/** Every packet of the Openswan KLIPS ESP and AH captures, with the keys of pcaps/KEYS.md. */
class PcapCapturesTest {

    static byte[] h(String s) {
        return HexFormat.of().parseHex(s);
    }

    static final byte[] DES3 = h("4043434545464649494a4a4c4c4f4f515152525454575758");
    static final byte[] MD5_KEY = h("87658765876587658765876587658765");
    static final byte[] SHA1_KEY = h("8765876587658765876587658765876587658765");

    static Stream<Arguments> espFiles() {
        List<Arguments> out = new ArrayList<>();
        for (CryptoBackend be : List.of(CryptoBackends.jca(), CryptoBackends.bc())) {
            out.add(Arguments.of(be, "02-sunrise-sunset-esp.pcap", 0x12345678, BlockCipherAlgorithm.DES_EDE3_CBC, DES3, HashAlgorithm.MD5, MD5_KEY, false));
            out.add(Arguments.of(be, "08-sunrise-sunset-esp-sha1.pcap", 0xd1234567, BlockCipherAlgorithm.DES_EDE3_CBC, DES3, HashAlgorithm.SHA1, SHA1_KEY, false));
            out.add(Arguments.of(be, "08-sunrise-sunset-aes128.pcap", 0xed123456, BlockCipherAlgorithm.AES_CBC, h("aaaabbbbccccdddd4043434545464649"), HashAlgorithm.SHA1, SHA1_KEY, false));
            out.add(Arguments.of(be, "08-sunrise-sunset-aes.pcap", 0xd1234567, BlockCipherAlgorithm.AES_CBC,
                    h("aaaabbbbccccdddd4043434545464649494a4a4c4c4f4f515152525454575758"), HashAlgorithm.SHA1, SHA1_KEY, false));
            out.add(Arguments.of(be, "08-sunrise-sunset-udpesp-ping.pcap", 0x12345678, BlockCipherAlgorithm.DES_EDE3_CBC, DES3, HashAlgorithm.MD5, MD5_KEY, true));
        }
        return out.stream();
    }

    static EspCrypto crypto(CryptoBackend be, BlockCipherAlgorithm alg, byte[] key, HashAlgorithm hash, byte[] macKey) {
        return EspSuite.cbc(be, alg, key, new byte[key.length], hash, macKey, 12, false).newCrypto();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("espFiles")
    void espCapturesDecrypt(CryptoBackend be, String file, int spi, BlockCipherAlgorithm alg, byte[] key,
                            HashAlgorithm hash, byte[] macKey, boolean udp) {
        EspCrypto c = crypto(be, alg, key, hash, macKey);
        int n = 0;
        for (Pcap.Ipv4 ip : Pcap.ipv4Packets(Vectors.readAll("pcaps/" + file))) {
            byte[] payload = ip.payload();
            int esp = 0;
            if (udp) {
                assertEquals(17, ip.protocol());
                assertEquals(4500, ip.udpDstPort());
                esp = 8; // after the UDP header; RFC 3948: no marker in front of ESP
            } else {
                assertEquals(50, ip.protocol());
            }
            n++;
            assertEquals(spi, Bytes.getInt(payload, esp));
            long seq = Bytes.getInt(payload, esp + 4) & 0xffffffffL;
            assertEquals(n, seq);
            int len = payload.length - esp;
            byte[] tampered = payload.clone();
            tampered[tampered.length - 1] ^= 0x40;
            assertEquals(EspCodec.BAD_ICV, EspCodec.decapsulate(c, tampered, esp, len, seq));
            int inner = EspCodec.decapsulate(c, payload, esp, len, seq);
            assertTrue(inner > 0, file + " packet " + n + ": " + inner);
            assertEquals(4, EspCodec.nextHeader(c, payload, esp, len));
            int io = esp + EspCodec.overhead(c);
            assertInnerPing(payload, io, inner);
        }
        assertEquals(8, n);
    }

    static void assertInnerPing(byte[] b, int io, int len) {
        assertEquals(0x45, b[io] & 0xff);
        assertEquals(len, Bytes.getShort(b, io + 2));
        assertTrue(Pcap.ipv4ChecksumOk(b, io));
        assertEquals("c0000201", HexFormat.of().formatHex(b, io + 12, io + 16)); // 192.0.2.1
        assertEquals("c0000101", HexFormat.of().formatHex(b, io + 16, io + 20)); // 192.0.1.1
        assertEquals(1, b[io + 9]); // ICMP
    }

    @ParameterizedTest
    @MethodSource("backendsStream")
    void nestedEspCaptureDecryptsTwice(CryptoBackend be) {
        EspCrypto outer = crypto(be, BlockCipherAlgorithm.DES_EDE3_CBC, h("43434545464649494a4a4c4c4f4f51515252545457575840"),
                HashAlgorithm.MD5, h("65876587658765876587658765876587"));
        EspCrypto inner = crypto(be, BlockCipherAlgorithm.DES_EDE3_CBC, h("434545464649494a4a4c4c4f4f5151525254545757584043"),
                HashAlgorithm.MD5, MD5_KEY);
        int n = 0;
        for (Pcap.Ipv4 ip : Pcap.ipv4Packets(Vectors.readAll("pcaps/08-sunrise-sunset-esp-double.pcap"))) {
            byte[] p = ip.payload();
            assertEquals(0x12345678, Bytes.getInt(p, 0));
            int l1 = EspCodec.decapsulate(outer, p, 0, p.length, Bytes.getInt(p, 4) & 0xffffffffL);
            assertTrue(l1 > 0);
            int o1 = EspCodec.overhead(outer);
            assertEquals(50, p[o1 + 9]); // the inner packet 192.1.2.23 -> 192.0.1.1 carries ESP
            int ihl = (p[o1] & 0x0f) * 4;
            int esp2 = o1 + ihl;
            int len2 = Bytes.getShort(p, o1 + 2) - ihl;
            assertEquals(0xabcdabcd, Bytes.getInt(p, esp2));
            int l2 = EspCodec.decapsulate(inner, p, esp2, len2, Bytes.getInt(p, esp2 + 4) & 0xffffffffL);
            assertTrue(l2 > 0);
            assertInnerPing(p, esp2 + EspCodec.overhead(inner), l2);
            n++;
        }
        assertEquals(8, n);
    }

    static Stream<CryptoBackend> backendsStream() {
        return Stream.of(CryptoBackends.jca(), CryptoBackends.bc());
    }

    static Stream<Arguments> ahFiles() {
        return backendsStream().flatMap(be -> Stream.of(
                Arguments.of(be, "08-sunrise-sunset-ah-md5.pcap", 0x91234567, HashAlgorithm.MD5, h("98765876587658765876587658765876")),
                Arguments.of(be, "08-sunrise-sunset-ah-sha1.pcap", 0xa9123456, HashAlgorithm.SHA1, h("a9876587658765876587658765876587abcdef01"))));
    }

    /** RFC 4302 section 3.3.3.1.1.1: TOS, flags + fragment offset, TTL and checksum are zeroed. */
    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("ahFiles")
    void ahCapturesVerify(CryptoBackend be, String file, int spi, HashAlgorithm hash, byte[] key) {
        AhCrypto c = new AhCrypto(be, hash, key, 12, false);
        int n = 0;
        for (Pcap.Ipv4 ip : Pcap.ipv4Packets(Vectors.readAll("pcaps/" + file))) {
            assertEquals(51, ip.protocol());
            byte[] outer = java.util.Arrays.copyOf(ip.packet(), ip.headerLength());
            outer[1] = 0;
            outer[6] = 0;
            outer[7] = 0;
            outer[8] = 0;
            outer[10] = 0;
            outer[11] = 0;
            byte[] ah = ip.payload();
            assertEquals(spi, Bytes.getInt(ah, 4));
            long seq = Bytes.getInt(ah, 8) & 0xffffffffL;
            int hl = AhCodec.verify(c, outer, 0, outer.length, ah, 0, ah.length, seq);
            assertEquals(24, hl, file + " packet " + (n + 1));
            assertEquals(4, ah[0]);
            assertInnerPing(ah, hl, ah.length - hl);
            byte[] bad = ah.clone();
            bad[bad.length - 1] ^= 1;
            assertEquals(AhCodec.BAD_ICV, AhCodec.verify(c, outer, 0, outer.length, bad, 0, bad.length, seq));
            outer[12] ^= 1; // a changed source address is not mutable: must fail
            assertEquals(AhCodec.BAD_ICV, AhCodec.verify(c, outer, 0, outer.length, ah, 0, ah.length, seq));
            n++;
        }
        assertEquals(8, n);
    }
}
