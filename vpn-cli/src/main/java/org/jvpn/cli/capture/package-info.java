/** Capturing decorators: outer datagrams recorded into a pcap. */
@NullMarked
package org.jvpn.cli.capture;

import org.jspecify.annotations.NullMarked;
