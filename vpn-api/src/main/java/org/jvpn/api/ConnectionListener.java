package org.jvpn.api;

/**
 * Receives a connection's events, on the gateway's event-loop thread: return quickly and never block.
 */
@FunctionalInterface
public interface ConnectionListener {
    void onEvent(ConnectionEvent event);
}
