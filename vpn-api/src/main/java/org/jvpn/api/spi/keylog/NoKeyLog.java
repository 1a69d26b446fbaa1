package org.jvpn.api.spi.keylog;

/** {@link KeyLogSink#none()}: discards everything. */
final class NoKeyLog implements KeyLogSink {

    static final NoKeyLog INSTANCE = new NoKeyLog();

    private NoKeyLog() {}

    @Override
    public String toString() {
        return "KeyLogSink.none()";
    }
}
