package org.jvpn.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.LifetimeLimits;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.esp.crypto.CryptoBackends;

/** Random and mutated datagrams never throw, always get a drop verdict, and never change SA state. */
class FuzzTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void mutatedAndRandomPacketsChangeNothing(int variant) {
        Harness h = new Harness(CryptoBackends.jca(), CryptoBackends.jca());
        h.autoForward = false;
        EncryptionAlgorithm[] encs = {EncryptionAlgorithm.AES_128_GCM_16, EncryptionAlgorithm.AES_256, null, EncryptionAlgorithm.AES_128_GCM_8};
        AuthAlgorithm[] esp = {null, AuthAlgorithm.SHA256, null, null};
        AuthAlgorithm[] ah = {null, null, AuthAlgorithm.SHA1, AuthAlgorithm.SHA384};
        int[] spis = h.tunnel(encs[variant], esp[variant], ah[variant], variant == 1, 64, LifetimeLimits.NONE, false);
        int spi = ah[variant] != null ? spis[1] : spis[0];
        for (int i = 0; i < 10; i++) {
            h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(i * 37, i)));
        }
        List<byte[]> valid = List.copyOf(h.wire);
        // Deliver half of them, so the window has a top and holes.
        for (int i = 0; i < valid.size(); i += 2) {
            assertEquals(Verdict.DELIVERED, h.right.inbound(Harness.LEFT, PacketBuffer.copyOf(valid.get(i))));
        }
        Object before = h.right.usage(spi, Direction.INBOUND).orElseThrow();
        Map<Verdict, Long> countsBefore = h.right.counters();
        Random r = new Random(1000 + variant);
        int total = 0;
        for (int n = 0; n < 4000; n++) {
            byte[] d;
            String how = "random";
            if (r.nextBoolean()) {
                byte[] original = valid.get(r.nextInt(valid.size()));
                d = original.clone();
                int mode = r.nextInt(4);
                how = "mode " + mode;
                if (mode == 0) {
                    d[8 + r.nextInt(d.length - 8)] ^= (byte) (1 << r.nextInt(8)); // flip a bit past SPI/seq
                } else if (mode == 1) {
                    d = java.util.Arrays.copyOf(d, r.nextInt(d.length)); // truncate
                } else if (mode == 2) {
                    for (int k = 0; k < 1 + r.nextInt(5); k++) {
                        d[8 + r.nextInt(d.length - 8)] = (byte) r.nextInt();
                    }
                } else {
                    d = java.util.Arrays.copyOf(d, d.length + 1 + r.nextInt(20)); // extend
                }
                if (java.util.Arrays.equals(d, original)) {
                    continue; // the random write happened to restore the byte
                }
            } else {
                d = new byte[r.nextInt(200)];
                r.nextBytes(d);
                if (d.length >= 8 && r.nextBoolean()) {
                    org.jvpn.esp.sa.Bytes.putInt(d, ah[variant] != null ? 4 : 0, spi); // a known SPI
                    if (ah[variant] != null) {
                        d[2] = 0;
                        d[3] = 0;
                    }
                }
            }
            PacketBuffer p = PacketBuffer.copyOf(d);
            Verdict v = h.right.inbound(Harness.LEFT, p); // must not throw
            if (v == Verdict.IKE || v == Verdict.KEEPALIVE) {
                continue;
            }
            assertNotEquals(Verdict.DELIVERED, v, "mutant " + n + " (" + how + ") delivered: " + java.util.HexFormat.of().formatHex(d));
            assertEquals(true, v.isDrop());
            total++;
        }
        assertEquals(before, h.right.usage(spi, Direction.INBOUND).orElseThrow(), "no state change");
        long drops = h.right.counters().entrySet().stream().filter(e -> e.getKey().isDrop())
                .mapToLong(e -> e.getValue() - countsBefore.getOrDefault(e.getKey(), 0L)).sum();
        assertEquals(total, drops, "every drop counted");
        // The skipped originals still go through afterwards.
        for (int i = 1; i < valid.size(); i += 2) {
            assertEquals(Verdict.DELIVERED, h.right.inbound(Harness.LEFT, PacketBuffer.copyOf(valid.get(i))));
        }
    }
}
