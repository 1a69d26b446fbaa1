/** A real-time built-in inner host: a tunnel device that answers ICMP and UDP echo and sends pings. */
@NullMarked
package org.jvpn.cli.inner;

import org.jspecify.annotations.NullMarked;
