/** Classic libpcap files (write and read) and Wireshark key logs, so test traffic opens in tshark/Wireshark. */
@NullMarked
package org.jvpn.testkit.pcap;

import org.jspecify.annotations.NullMarked;
