/** JUnit 5 integration: {@code @VpnTest} injects a deterministic world and keeps pcaps and key logs of failing tests. */
@NullMarked
package org.jvpn.testkit.junit;

import org.jspecify.annotations.NullMarked;
