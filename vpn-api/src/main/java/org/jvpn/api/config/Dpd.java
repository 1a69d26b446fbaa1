package org.jvpn.api.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Dead peer detection settings of a connection ({@code dpd: {action, interval, timeout}}, RFC 3706):
 * probe after {@code interval} without traffic from the peer, declare it dead after {@code timeout}.
 * Both are whole seconds, at least 1; the connection checks that the timeout exceeds the interval.
 *
 * @param action what to do when the peer is dead; {@link DpdAction#DISABLED} turns DPD off
 * @param interval seconds between probes when idle; default 30 s
 * @param timeout seconds without an answer before the peer is dead; default 120 s
 */
public record Dpd(DpdAction action, Duration interval, Duration timeout) {

    /** hold, 30 s, 120 s. */
    public static final Dpd DEFAULT = new Dpd(DpdAction.HOLD, Duration.ofSeconds(30), Duration.ofSeconds(120));

    private static final Where WHERE = new Where("Dpd", null);

    /** @throws ConfigException if a timer is not a whole number of seconds >= 1 */
    public Dpd {
        Objects.requireNonNull(action, "action");
        Rules.seconds(WHERE, "interval", interval, 1);
        Rules.seconds(WHERE, "timeout", timeout, 1);
    }

    public static Dpd of(DpdAction action, long intervalSeconds, long timeoutSeconds) {
        return new Dpd(action, Duration.ofSeconds(intervalSeconds), Duration.ofSeconds(timeoutSeconds));
    }

    /** With the API action name ({@code "hold"}, {@code "clear"}, {@code "restart"}, {@code "disabled"}). */
    public static Dpd of(String action, long intervalSeconds, long timeoutSeconds) {
        return of(parseAction(WHERE, "action", action), intervalSeconds, timeoutSeconds);
    }

    /** DPD turned off (timers at their defaults). */
    public static Dpd disabled() {
        return DEFAULT.withAction(DpdAction.DISABLED);
    }

    static DpdAction parseAction(Where where, String field, String action) {
        return Rules.lookup(where, field, action, DpdAction::fromApiName, java.util.List.of(DpdAction.values()));
    }

    public boolean enabled() {
        return action != DpdAction.DISABLED;
    }

    public Dpd withAction(DpdAction action) {
        return new Dpd(action, interval, timeout);
    }

    public Dpd withInterval(Duration interval) {
        return new Dpd(action, interval, timeout);
    }

    public Dpd withTimeout(Duration timeout) {
        return new Dpd(action, interval, timeout);
    }

    @Override
    public String toString() {
        return "Dpd[action=" + action + ", interval=" + Rules.secs(interval) + ", timeout=" + Rules.secs(timeout) + "]";
    }
}
