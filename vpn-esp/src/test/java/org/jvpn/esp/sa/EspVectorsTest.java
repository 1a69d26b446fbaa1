package org.jvpn.esp.sa;

import static org.jvpn.esp.testutil.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvpn.api.spi.crypto.BlockCipherAlgorithm;
import org.jvpn.api.spi.crypto.CbcCipher;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.esp.crypto.CryptoBackends;
import org.jvpn.esp.testutil.Vectors;

/** ESP framing against RFC 3602 section 4 packets and draft-mcgrew-gcm-test (RFC 4106, incl. ESN). */
class EspVectorsTest {

    /** AES-CBC with a given IV and no integrity: only to check the framing byte for byte (RFC 3602 cases 5-8). */
    static final class FixedIvCbc extends EspCrypto {
        final CbcCipher cbc;
        final byte[] iv;

        FixedIvCbc(CryptoBackend be, byte[] key, byte[] iv) {
            this.cbc = be.cbc(BlockCipherAlgorithm.AES_CBC, key);
            this.iv = iv;
        }

        @Override public int ivLength() { return 16; }
        @Override public int blockSize() { return 16; }
        @Override public int icvLength() { return 0; }

        @Override
        public void seal(byte[] b, int esp, int ctLen, long seq) {
            System.arraycopy(iv, 0, b, esp + 8, 16);
            cbc.encrypt(b, esp + 8, b, esp + 24, ctLen, b, esp + 24);
        }

        @Override
        public boolean open(byte[] b, int esp, int ctLen, long seq) {
            cbc.decrypt(b, esp + 8, b, esp + 24, ctLen, b, esp + 24);
            return true;
        }

        @Override public void destroy() { }
    }

    static Stream<CryptoBackend> backends() {
        return Stream.of(CryptoBackends.jca(), CryptoBackends.bc());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void rfc3602EspPackets(CryptoBackend be) {
        List<Map<String, Object>> cases = Vectors.list(Vectors.json("rfc/rfc3602-aes-cbc-esp.json"), "esp_packet_cases");
        assertEquals(4, cases.size());
        for (Map<String, Object> c : cases) {
            String name = "case " + c.get("case");
            byte[] full = hex(c.get("full_esp_packet_derived"));
            int outerHl = (full[0] & 0x0f) * 4;
            byte[] espExpected = Arrays.copyOfRange(full, outerHl, full.length);
            byte[] payload = c.get("mode").equals("tunnel")
                    ? concat(hex(c.get("original_ip_header")), hex(c.get("original_data")))
                    : hex(c.get("original_data"));
            int nh = hex(c.get("next_header"))[0] & 0xff;
            long seq = (Long) c.get("sequence_number");
            int spi = Bytes.getInt(hex(c.get("spi")), 0);
            FixedIvCbc crypto = new FixedIvCbc(be, hex(c.get("key")), hex(c.get("iv")));

            PacketBuffer p = PacketBuffer.copyOf(payload);
            assertTrue(EspCodec.encapsulate(crypto, p, spi, seq, nh));
            assertEquals(Vectors.hex(espExpected), Vectors.hex(p.toByteArray()), name + ": encapsulation");

            byte[] b = espExpected.clone();
            int n = EspCodec.decapsulate(crypto, b, 0, b.length, seq);
            assertEquals(payload.length, n, name + ": payload length (padding checked)");
            assertArrayEquals(payload, Arrays.copyOfRange(b, 24, 24 + n));
            assertEquals(nh, EspCodec.nextHeader(crypto, b, 0, b.length));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void gcmEspPacketsIncludingEsn(CryptoBackend be) {
        int checked = 0;
        for (Map<String, Object> c : Vectors.list(Vectors.json("rfc/draft-mcgrew-gcm-test-01-esp-gcm-gmac.json"), "cases")) {
            if (!"AES-GCM-ESP".equals(c.get("algorithm"))) {
                continue;
            }
            String name = "case " + c.get("case");
            boolean esn = (Boolean) c.get("esn");
            byte[] seqBytes = hex(c.get("seq"));
            long seq = seqBytes.length == 8 ? java.nio.ByteBuffer.wrap(seqBytes).getLong() : Bytes.getInt(seqBytes, 0) & 0xffffffffL;
            GcmEspCrypto crypto = new GcmEspCrypto(be, hex(c.get("esp_keymat_aes_key_plus_salt")), 16, esn);
            byte[] packet = hex(c.get("packet"));
            byte[] b = packet.clone();
            int n = EspCodec.decapsulate(crypto, b, 0, b.length, seq);
            byte[] plaintext = hex(c.get("plaintext")); // payload || padding || pad length || next header
            int pad = plaintext[plaintext.length - 2] & 0xff;
            assertEquals(plaintext.length - 2 - pad, n, name);
            assertArrayEquals(plaintext, Arrays.copyOfRange(b, 16, 16 + plaintext.length), name);

            // With ESN a wrong inferred high half breaks the AAD (without ESN the AAD is on the wire).
            if (esn) {
                byte[] b2 = packet.clone();
                assertEquals(EspCodec.BAD_ICV, EspCodec.decapsulate(crypto, b2, 0, b2.length, seq ^ 1L << 32), name);
            }
            byte[] b3 = packet.clone();
            b3[5] ^= 1; // the sequence number is authenticated (with ESN: as inferred from the wire)
            assertEquals(EspCodec.BAD_ICV, EspCodec.decapsulate(crypto, b3, 0, b3.length, esn ? seq ^ 1L << 16 : seq), name);

            // Our own encapsulation of the same payload opens with the reference AAD rules.
            PacketBuffer p = PacketBuffer.copyOf(Arrays.copyOf(plaintext, n));
            assertTrue(EspCodec.encapsulate(crypto, p, Bytes.getInt(packet, 0), seq, plaintext[plaintext.length - 1] & 0xff));
            assertEquals(packet.length, p.length(), name + ": same length (same padding)");
            byte[] ours = p.toByteArray();
            assertEquals(n, EspCodec.decapsulate(new GcmEspCrypto(be, hex(c.get("esp_keymat_aes_key_plus_salt")), 16, esn), ours, 0, ours.length, seq));
            checked++;
        }
        assertEquals(16, checked);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void truncatedAndMisalignedAreMalformed() {
        GcmEspCrypto c = new GcmEspCrypto(CryptoBackends.jca(), new byte[20], 16, false);
        assertEquals(EspCodec.MALFORMED, EspCodec.decapsulate(c, new byte[40], 0, 8 + 8 + 16 + 1, 1));
        assertEquals(EspCodec.MALFORMED, EspCodec.decapsulate(c, new byte[40], 0, 8 + 8 + 16, 1));
    }
}
