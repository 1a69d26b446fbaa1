/** The inner side: in-memory tunnel devices with tiny inner hosts (ping, UDP echo, numbered UDP streams). */
@NullMarked
package org.jvpn.testkit.inner;

import org.jspecify.annotations.NullMarked;
