package org.jvpn.testkit.net;

/**
 * Counters of one {@link Link} (both directions), a snapshot.
 *
 * @param sent              datagrams handed to the link
 * @param delivered         copies that arrived at the far end (duplicates count twice)
 * @param lost              dropped by the loss impairment
 * @param duplicated        datagrams that were sent twice
 * @param reordered         copies held back to be overtaken
 * @param mtuDropped        dropped for exceeding the MTU
 * @param partitionDropped  dropped because the link was cut (at send or while in flight)
 * @param bytesSent         UDP payload bytes handed to the link
 */
public record LinkStats(long sent, long delivered, long lost, long duplicated, long reordered, long mtuDropped,
                        long partitionDropped, long bytesSent) {

    /** Percentage of sent datagrams lost to the loss impairment. */
    public double lossPercent() {
        return sent == 0 ? 0 : 100.0 * lost / sent;
    }
}
