package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.time.Timer;

/**
 * The last message one side of an exchange sent, with its retransmission timer (requests) or kept for
 * answering a duplicate request (responses), and the last message received, to recognise duplicates.
 * Retransmissions resend the same bytes, never re-encrypt (the IV chain has moved on).
 */
final class Transmission {

    interface Sender {
        void send(int localPort, InetSocketAddress remote, byte[] message);
    }

    private byte @Nullable [] lastSent;
    private int localPort;
    private @Nullable InetSocketAddress remote;
    private byte @Nullable [] lastReceived;
    private @Nullable Timer timer;
    private int attempts;

    /** Sends {@code message} and remembers it. */
    void send(Sender sender, int localPort, InetSocketAddress remote, byte[] message) {
        cancel();
        this.lastSent = message;
        this.localPort = localPort;
        this.remote = remote;
        this.attempts = 1;
        sender.send(localPort, remote, message);
    }

    /** Sends the remembered message again; returns false if there is none. */
    boolean resend(Sender sender) {
        if (lastSent == null || remote == null) {
            return false;
        }
        attempts++;
        sender.send(localPort, remote, lastSent);
        return true;
    }

    int attempts() {
        return attempts;
    }

    void timer(@Nullable Timer t) {
        cancel();
        this.timer = t;
    }

    /** Stops retransmitting (the response came). The message stays for duplicate handling. */
    void cancel() {
        Timer t = timer;
        timer = null;
        if (t != null) {
            t.cancel();
        }
    }

    /** Remembers a received message; returns true if it is a duplicate of the previous one. */
    boolean receivedDuplicate(byte[] message) {
        if (lastReceived != null && Arrays.equals(lastReceived, message)) {
            return true;
        }
        lastReceived = message.clone();
        return false;
    }

    /** Forgets the last received message (it turned out to be bogus), so a genuine copy is not taken for a duplicate. */
    void forgetReceived() {
        lastReceived = null;
    }

    /** Forgets everything. */
    void clear() {
        cancel();
        lastSent = null;
        lastReceived = null;
    }

    static Duration delay(org.jvpn.api.RetransmitPolicy p, int attempt) {
        return p.delayAfter(attempt);
    }
}
