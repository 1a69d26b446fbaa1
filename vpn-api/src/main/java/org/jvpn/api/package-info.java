/**
 * Runtime surface that host applications hold: {@link org.jvpn.api.VpnGateway}, connection handles,
 * states, events and statistics.
 */
@NullMarked
package org.jvpn.api;

import org.jspecify.annotations.NullMarked;
