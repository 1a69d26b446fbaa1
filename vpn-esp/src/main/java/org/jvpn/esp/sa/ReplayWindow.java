package org.jvpn.esp.sa;

/**
 * The anti-replay window of RFC 4303 section 3.4.3 as an RFC 6479 bitmap: a ring of 64-bit blocks one
 * block larger than the window, so that sliding clears whole blocks instead of shifting bits. Sequence
 * numbers are 64-bit (with ESN the high half is inferred per RFC 4303 Appendix A, {@link #infer}).
 *
 * <p>{@link #check} changes nothing and takes no lock (it may be called before authentication); the
 * caller authenticates the packet and then calls {@link #update}, which re-checks under the lock, so two
 * threads racing with the same sequence number accept it once.
 *
 * <p>A window of size 0 disables replay checks but still tracks the highest number for ESN inference.
 */
public final class ReplayWindow {

    private final int size;
    private final boolean enabled;
    private final long[] bitmap;
    private final int blockMask;
    private volatile long top;

    /** @param size window size in packets, 32..4096, or 0 to disable checks */
    public ReplayWindow(int size) {
        if (size != 0 && (size < 32 || size > 4096)) {
            throw new IllegalArgumentException("replay window " + size + " outside 32..4096 (or 0 to disable)");
        }
        this.enabled = size != 0;
        this.size = enabled ? size : 32;
        int blocks = Integer.highestOneBit(((this.size + 63) >>> 6) + 1);
        if (blocks < ((this.size + 63) >>> 6) + 1) {
            blocks <<= 1;
        }
        this.bitmap = new long[blocks];
        this.blockMask = blocks - 1;
    }

    /** Window size in packets (32 when disabled). */
    public int size() {
        return size;
    }

    /** Highest sequence number accepted so far (0 if none). */
    public long top() {
        return top;
    }

    /**
     * The full 64-bit sequence number of a packet carrying {@code low} in its header, per RFC 4303
     * Appendix A2.2: within the window the current high half, otherwise the next (or previous) one.
     */
    public long infer(int low) {
        long t = top;
        long tl = t & 0xffffffffL;
        long th = t >>> 32;
        long seql = low & 0xffffffffL;
        long w = size;
        long th2;
        if (tl >= w - 1) {
            th2 = seql >= tl - w + 1 ? th : th + 1;
        } else {
            th2 = seql >= ((tl - w + 1) & 0xffffffffL) ? th - 1 : th;
            if (th == 0 && th2 < 0) {
                th2 = 0;
            }
        }
        return th2 << 32 | seql;
    }

    /** Whether {@code seq} could be fresh: not 0, not older than the window, not seen. No state changes. */
    public boolean check(long seq) {
        if (seq == 0) {
            return false;
        }
        long t = top;
        if (Long.compareUnsigned(seq, t) > 0 || !enabled) {
            return true;
        }
        if (t - seq >= size) {
            return false;
        }
        int block = (int) (seq >>> 6) & blockMask;
        return (bitmap[block] & (1L << (seq & 63))) == 0;
    }

    /**
     * Records an authenticated {@code seq}. Returns false if it was replayed meanwhile (another thread
     * accepted it first) or fell out of the window: the packet is then dropped as a replay.
     */
    public synchronized boolean update(long seq) {
        if (!check(seq)) {
            return false;
        }
        long t = top;
        if (Long.compareUnsigned(seq, t) > 0) {
            long from = t >>> 6;
            long to = seq >>> 6;
            long diff = to - from;
            if (diff > blockMask) {
                diff = blockMask + 1;
            }
            for (long i = 1; i <= diff; i++) {
                bitmap[(int) (from + i) & blockMask] = 0;
            }
            top = seq;
        }
        if (enabled) {
            bitmap[(int) (seq >>> 6) & blockMask] |= 1L << (seq & 63);
        }
        return true;
    }
}
