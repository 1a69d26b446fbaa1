package org.jvpn.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method in a deterministic VPN world ({@link VpnTestExtension}): test methods
 * (and lifecycle methods of each test) may declare parameters of type {@code VirtualScheduler},
 * {@code VirtualClock}, {@code VirtualNetwork}, {@code SeededRandom}, {@code WiresharkKeyLog} and
 * {@link TestArtifacts}, all fresh per test and wired together. On failure the test's captures and key
 * log are written under {@code <build dir>/vpn-test-artifacts/<class>/<method>/} and the seed is
 * printed.
 *
 * <pre>{@code
 * @VpnTest(seed = 42)
 * class TunnelTest {
 *     @Test void pings(VirtualNetwork net, VirtualScheduler s, TestArtifacts artifacts) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(VpnTestExtension.class)
public @interface VpnTest {

    /** Marker for "no explicit seed": one is derived from the test's class and method names. */
    long DERIVED = Long.MIN_VALUE;

    /**
     * The seed of the test's {@code SeededRandom}. A method's value wins over its class's; the system
     * property {@code jvpn.seed} overrides both (to replay or explore).
     */
    long seed() default DERIVED;
}
