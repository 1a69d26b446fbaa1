package org.jvpn.cli.inner;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a {@link PingSession}, printed the way ping prints it.
 *
 * @param destination  the pinged address
 * @param transmitted  echo requests sent
 * @param received     distinct, intact replies
 * @param duplicates   extra replies to an answered request
 * @param corrupt      replies whose data differed from the request's
 * @param time         from the first request to the last reply
 * @param rttMin       round-trip times (null when nothing was received)
 * @param rttAvg       mean
 * @param rttMax       longest
 * @param rttMdev      standard deviation
 */
public record PingResult(InetAddress destination, int transmitted, int received, int duplicates, int corrupt, Duration time,
                         @Nullable Duration rttMin, @Nullable Duration rttAvg, @Nullable Duration rttMax,
                         @Nullable Duration rttMdev) {

    /** Requests without a reply. */
    public int lost() {
        return transmitted - received;
    }

    public double lossPercent() {
        return transmitted == 0 ? 0 : 100.0 * lost() / transmitted;
    }

    /**
     * {@code --- 10.2.0.20 ping statistics ---}, {@code 100 packets transmitted, 100 received, 0% packet loss,
     * time 1012ms} and {@code rtt min/avg/max/mdev = ...} as ping prints them.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(destination.getHostAddress()).append(" ping statistics ---\n");
        sb.append(transmitted).append(" packets transmitted, ").append(received).append(" received");
        if (duplicates > 0) {
            sb.append(", +").append(duplicates).append(" duplicates");
        }
        if (corrupt > 0) {
            sb.append(", ").append(corrupt).append(" corrupted");
        }
        String loss = new java.text.DecimalFormat("0.#", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(lossPercent());
        sb.append(", ").append(loss).append("% packet loss, time ").append(time.toMillis()).append("ms\n");
        if (rttMin != null && rttAvg != null && rttMax != null && rttMdev != null) {
            sb.append(String.format(Locale.ROOT, "rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms%n", ms(rttMin), ms(rttAvg),
                    ms(rttMax), ms(rttMdev)));
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
