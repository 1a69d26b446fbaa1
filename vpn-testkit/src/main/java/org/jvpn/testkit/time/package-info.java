/** Virtual time: a clock that moves only when the test says so, and a scheduler that runs tasks on it. */
@NullMarked
package org.jvpn.testkit.time;

import org.jspecify.annotations.NullMarked;
