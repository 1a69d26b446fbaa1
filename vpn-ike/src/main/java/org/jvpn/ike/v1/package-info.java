/**
 * The IKEv1 engine (RFC 2409): main mode and quick mode as small tasks, informational exchanges,
 * retransmission and the per-connection state. Sans-IO: datagrams and timer ticks in; datagrams,
 * timers, dataplane calls and events out through {@link org.jvpn.ike.v1.EngineContext}.
 */
@NullMarked
package org.jvpn.ike.v1;

import org.jspecify.annotations.NullMarked;
