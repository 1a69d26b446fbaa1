/** Time SPI: a monotonic clock and a scheduler, injected so tests can run on virtual time. */
@NullMarked
package org.jvpn.api.spi.time;

import org.jspecify.annotations.NullMarked;
