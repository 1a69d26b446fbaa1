/**
 * The {@link org.jvpn.api.VpnGateway} implementation: the event loop that owns all IKE state, port
 * 500/4500 demultiplexing, the UDP transport, and the wiring of the ESP data plane.
 */
@NullMarked
package org.jvpn.ike.gateway;

import org.jspecify.annotations.NullMarked;
