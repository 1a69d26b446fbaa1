package org.jvpn.testkit.inner;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A pinger's results, like ping's summary.
 *
 * @param transmitted  echo requests sent
 * @param received     distinct replies received
 * @param duplicates   extra replies to an already answered request
 * @param corrupt      replies whose data differed from the request's
 * @param rttMin       shortest round trip on virtual time (null if none received)
 * @param rttAvg       mean round trip
 * @param rttMax       longest round trip
 */
public record PingStats(int transmitted, int received, int duplicates, int corrupt, @Nullable Duration rttMin,
                        @Nullable Duration rttAvg, @Nullable Duration rttMax) {

    /** Percentage of requests without a reply. */
    public double lossPercent() {
        return transmitted == 0 ? 0 : 100.0 * (transmitted - received) / transmitted;
    }

    /** {@code "10 packets transmitted, 9 received, 10% packet loss"} plus an RTT line when any were received. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(transmitted).append(" packets transmitted, ").append(received).append(" received");
        if (duplicates > 0) {
            sb.append(", +").append(duplicates).append(" duplicates");
        }
        sb.append(", ").append(new java.text.DecimalFormat("0.###",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(lossPercent())).append("% packet loss");
        if (rttMin != null && rttAvg != null && rttMax != null) {
            sb.append(String.format(Locale.ROOT, "%nrtt min/avg/max = %.3f/%.3f/%.3f ms", ms(rttMin), ms(rttAvg), ms(rttMax)));
        }
        return sb.toString();
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    @Override
    public String toString() {
        return summary();
    }
}
