/** Module core of retailrl; see the README's layout section for what belongs here. */
package org.retailrl.core;
