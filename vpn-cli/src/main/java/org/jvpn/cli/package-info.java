/** The jvpn command line: demo and run. */
@NullMarked
package org.jvpn.cli;

import org.jspecify.annotations.NullMarked;
