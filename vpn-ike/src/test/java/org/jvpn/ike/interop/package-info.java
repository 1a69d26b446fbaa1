/** Interop tests against strongSwan in network namespaces (../shared/interop). */
@NullMarked
package org.jvpn.ike.interop;

import org.jspecify.annotations.NullMarked;
