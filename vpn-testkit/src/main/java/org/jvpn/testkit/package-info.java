/** Deterministic in-memory worlds for testing VPNs: virtual clock, seeded randomness, impairable networks, inner hosts, pcap and key logs, JUnit 5 extension. */
@NullMarked
package org.jvpn.testkit;

import org.jspecify.annotations.NullMarked;
