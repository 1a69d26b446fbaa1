/** Test-only readers for the shared test vectors (../shared/vectors): JSON, hex, classic pcap. */
@NullMarked
package org.jvpn.ike.testvectors;

import org.jspecify.annotations.NullMarked;
