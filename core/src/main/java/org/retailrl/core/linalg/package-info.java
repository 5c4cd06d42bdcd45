/** Small dense linear algebra shared by the fitting code (normal equations, Newton steps of likelihood fits). */
package org.retailrl.core.linalg;
