/** Packet I/O SPI: the outer datagram transport (IKE and ESP-in-UDP) and the inner tunnel device (plain IP packets to and from the host). */
@NullMarked
package org.jvpn.api.spi.io;

import org.jspecify.annotations.NullMarked;
