package org.jvpn.esp.sa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The bitmap window against a plain reference model of RFC 4303 section 3.4.3, on seeded random sequences. */
class ReplayWindowTest {

    /** Reference: accept if newer than the top, or within the window and not seen. */
    static final class Model {
        final int size;
        long top;
        final Set<Long> seen = new HashSet<>();

        Model(int size) {
            this.size = size;
        }

        boolean accept(long seq) {
            if (seq == 0) {
                return false;
            }
            if (seq > top) {
                top = seq;
                seen.add(seq);
                return true;
            }
            if (top - seq >= size || seen.contains(seq)) {
                return false;
            }
            seen.add(seq);
            return true;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64, 100, 128, 1000, 4096})
    void matchesReferenceModel(int size) {
        Random r = new Random(size);
        for (int run = 0; run < 20; run++) {
            ReplayWindow w = new ReplayWindow(size);
            Model m = new Model(size);
            long base = 1;
            for (int i = 0; i < 5000; i++) {
                int mode = r.nextInt(10);
                long seq;
                if (mode < 5) {
                    seq = Math.max(0, m.top + r.nextInt(2 * size + 2) - size - 1); // around the edge
                } else if (mode < 7) {
                    seq = m.top + 1 + r.nextInt(3 * size + 200); // jumps ahead, sometimes past the ring
                } else if (mode < 9) {
                    seq = Math.max(0, m.top - r.nextInt(3)); // duplicates
                } else {
                    seq = base + r.nextInt(Math.max(1, (int) Math.min(Integer.MAX_VALUE, m.top + 10)));
                }
                boolean expected = m.accept(seq);
                boolean checked = w.check(seq);
                boolean updated = checked && w.update(seq);
                assertEquals(expected, updated, "size " + size + " run " + run + " step " + i + " seq " + seq + " top " + m.top);
                assertEquals(m.top, w.top());
            }
        }
    }

    @Test
    void checkChangesNothingAndUpdateRejectsSecondCopy() {
        ReplayWindow w = new ReplayWindow(64);
        assertTrue(w.check(5));
        assertEquals(0, w.top());
        assertTrue(w.update(5));
        assertFalse(w.update(5));
        assertFalse(w.check(0));
    }

    @Test
    void disabledWindowAcceptsEverythingButZero() {
        ReplayWindow w = new ReplayWindow(0);
        assertTrue(w.update(10));
        assertTrue(w.update(10));
        assertTrue(w.update(1));
        assertFalse(w.check(0));
    }

    @Test
    void sizeIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(31));
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(4097));
    }

    /** RFC 4303 Appendix A2.2: the high half follows the window across the 2^32 boundary. */
    @Test
    void esnInference() {
        ReplayWindow w = new ReplayWindow(128);
        long t = 0xffff_fff0L;
        assertTrue(w.update(t));
        assertEquals(0x1_0000_0005L, w.infer(5)); // wrapped forward
        assertEquals(0xffff_ffe0L, w.infer(0xffff_ffe0)); // inside the window
        assertTrue(w.update(0x1_0000_0005L));
        assertEquals(0x0_ffff_fff8L, w.infer(0xffff_fff8)); // late packet from before the wrap
        assertEquals(0x1_0000_0009L, w.infer(9));
        assertFalse(w.check(w.infer(0xffff_fff0))); // seen
        ReplayWindow fresh = new ReplayWindow(64);
        assertEquals(7L, fresh.infer(7));
    }
}
