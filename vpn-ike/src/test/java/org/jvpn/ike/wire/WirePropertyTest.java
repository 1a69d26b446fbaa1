package org.jvpn.ike.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.jvpn.ike.testvectors.Vectors;

/**
 * Properties over seeded random input: generated messages round-trip, and random or mutated datagrams
 * give either a message or an {@link IkeWireException}: never another exception, never more output
 * than input (no allocation driven by a length field beyond the datagram).
 */
class WirePropertyTest {

    @Test
    void generatedMessagesRoundTripByteForByte() throws Exception {
        RandomMessages gen = new RandomMessages(20261201L);
        for (int i = 0; i < 3000; i++) {
            IkeMessage m = gen.message();
            byte[] wire = m.encode();
            IkeMessage parsed = IkeMessage.parse(wire);
            assertArrayEquals(wire, parsed.encode(), "message " + i);
            assertEquals(m.payloads(), parsed.payloads(), "message " + i);
            assertEquals(wire.length, parsed.header().length());
        }
    }

    @Test
    void generatedChainsWithPaddingParseToTheSamePayloads() throws Exception {
        RandomMessages gen = new RandomMessages(7);
        Random rnd = new Random(8);
        for (int i = 0; i < 1000; i++) {
            List<Payload> ps = new ArrayList<>();
            for (int n = 1 + rnd.nextInt(6); n > 0; n--) {
                ps.add(gen.payload());
            }
            byte[] chain = PayloadChain.encode(ps);
            byte[] padded = Arrays.copyOf(chain, chain.length + rnd.nextInt(16));
            for (int j = chain.length; j < padded.length; j++) {
                padded[j] = (byte) rnd.nextInt(256); // padding content is never inspected
            }
            PayloadChain parsed = PayloadChain.parse(ps.get(0).type(), padded, 0, padded.length);
            assertEquals(ps, parsed.payloads());
            assertEquals(padded.length - chain.length, parsed.paddingLength());
        }
    }

    @Test
    void mutatedAndRandomDatagramsGiveOnlyTypedErrors() {
        RandomMessages gen = new RandomMessages(42);
        Random rnd = new Random(4242);
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            seeds.add(gen.message().encode());
        }
        int errors = 0;
        int parsed = 0;
        for (int i = 0; i < 40000; i++) {
            byte[] d = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd, gen);
            try {
                IkeMessage m = IkeMessage.parse(d);
                parsed++;
                byte[] again = m.encode();
                assertTrue(again.length <= d.length, "re-encoding is not longer than the datagram");
                // what parsed once parses again to the same payloads
                assertEquals(m.payloads(), IkeMessage.parse(again).payloads());
            } catch (IkeWireException e) {
                errors++;
                assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            } catch (RuntimeException e) {
                fail("datagram " + i + " (" + Vectors.hex(d) + ") threw " + e, e);
            }
            // the same bytes as a decrypted chain starting with any payload type
            try {
                int first = rnd.nextInt(256);
                int off = Math.min(d.length, IsakmpHeader.LENGTH);
                PayloadChain.parse(first, d, off, d.length - off);
            } catch (IkeWireException e) {
                errors++;
            } catch (RuntimeException e) {
                fail("chain of datagram " + i + " threw " + e, e);
            }
        }
        assertTrue(errors > 10000 && parsed > 1000, "errors " + errors + ", parsed " + parsed);
    }

    private static byte[] mutate(byte[] seed, Random rnd, RandomMessages gen) {
        byte[] d = seed.clone();
        switch (rnd.nextInt(6)) {
            case 0: { // bit flips
                for (int k = 1 + rnd.nextInt(4); k > 0 && d.length > 0; k--) {
                    d[rnd.nextInt(d.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return d;
            }
            case 1: // truncation (header length now beyond the datagram, or cut inside)
                return Arrays.copyOf(d, rnd.nextInt(d.length + 1));
            case 2: { // tamper with a 16-bit payload length or the header length
                if (d.length > 31) {
                    int pos = 28 + rnd.nextInt(d.length - 31);
                    Wire.put16(d, pos, rnd.nextInt(65536));
                }
                return d;
            }
            case 3: { // header length tampering
                if (d.length >= 28) {
                    Wire.put32(d, 24, rnd.nextBoolean() ? rnd.nextInt() & 0xffffffffL : rnd.nextInt(d.length + 1));
                }
                return d;
            }
            case 4: { // fix the header so the body is random bytes
                byte[] body = gen.bytes(0, 200);
                byte[] out = Arrays.copyOf(d, 28 + body.length);
                System.arraycopy(body, 0, out, 28, body.length);
                Wire.put32(out, 24, out.length);
                out[19] &= ~IsakmpHeader.FLAG_ENCRYPTION;
                return out;
            }
            default:
                return gen.bytes(0, 120);
        }
    }
}
