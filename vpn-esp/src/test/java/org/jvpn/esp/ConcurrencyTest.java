package org.jvpn.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.LifetimeLimits;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.esp.crypto.CryptoBackends;
import org.jvpn.esp.sa.Bytes;

/** Many threads on one SA: unique sequence numbers out, each packet accepted exactly once in. */
class ConcurrencyTest {

    @Test
    void manyThreadsEncryptAndDecryptOnOneSa() throws Exception {
        Harness h = new Harness(CryptoBackends.jca(), CryptoBackends.jca());
        h.autoForward = false;
        int[] spis = h.tunnel(EncryptionAlgorithm.AES_128, AuthAlgorithm.SHA256, null, false, 4096, LifetimeLimits.NONE, false);
        int threads = 4;
        int perThread = 400;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        List<byte[]> hWire = Collections.synchronizedList(new ArrayList<>());
        EspDataplane sender = h.left;
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        PacketBuffer p = PacketBuffer.copyOf(Harness.ipv4(50 + id, i));
                        if (sender.outbound(p) != Verdict.SENT) {
                            throw new AssertionError("not sent");
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            ts.add(th);
            th.start();
        }
        go.countDown();
        for (Thread th : ts) {
            th.join();
        }
        assertTrue(errors.isEmpty(), errors.toString());
        hWire.addAll(h.wire);
        assertEquals(threads * perThread, hWire.size());
        Set<Integer> seqs = new HashSet<>();
        for (byte[] d : hWire) {
            assertTrue(seqs.add(Bytes.getInt(d, 4)), "duplicate sequence number");
        }
        assertEquals(threads * perThread, seqs.size());

        // Inbound: shuffled, every packet given twice, from several threads: each delivered exactly once.
        List<byte[]> feed = new ArrayList<>(hWire);
        feed.addAll(hWire);
        Collections.shuffle(feed, new Random(5));
        List<Thread> rs = new ArrayList<>();
        int chunk = feed.size() / threads;
        for (int t = 0; t < threads; t++) {
            List<byte[]> part = feed.subList(t * chunk, (t + 1) * chunk);
            Thread th = new Thread(() -> {
                for (byte[] d : part) {
                    h.right.inbound(Harness.LEFT, PacketBuffer.copyOf(d));
                }
            });
            rs.add(th);
            th.start();
        }
        for (Thread th : rs) {
            th.join();
        }
        assertEquals(threads * perThread, h.right.count(Verdict.DELIVERED));
        assertEquals(threads * perThread, h.right.count(Verdict.REPLAY));
        assertEquals(threads * perThread, h.right.usage(spis[0], Direction.INBOUND).orElseThrow().packets());
    }
}
