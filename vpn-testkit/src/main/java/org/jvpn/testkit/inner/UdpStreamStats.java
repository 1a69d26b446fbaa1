package org.jvpn.testkit.inner;

/**
 * What a {@link UdpSink} saw of a numbered stream.
 *
 * @param sent        datagrams the source sent (as given to {@link UdpSink#stats(long)})
 * @param received    datagrams that arrived, duplicates and corrupt ones included
 * @param unique      distinct sequence numbers that arrived intact
 * @param lost        {@code sent - unique}
 * @param duplicates  extra copies of an already received number
 * @param reordered   datagrams that arrived after a higher-numbered one
 * @param corrupt     datagrams whose content was not what the source sent
 */
public record UdpStreamStats(long sent, long received, long unique, long lost, long duplicates, long reordered,
                             long corrupt) {

    public double lossPercent() {
        return sent == 0 ? 0 : 100.0 * lost / sent;
    }
}
