/** File output utilities: crash-safe whole-file replacement for model files, reports and checkpoints. */
package org.retailrl.core.io;
