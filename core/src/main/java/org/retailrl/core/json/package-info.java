/**
 * A small strict JSON library (RFC 8259) with no dependencies: a parser that reports errors with
 * line and column, an immutable value tree, a deterministic compact and pretty writer, and typed
 * getters for loading configuration such as scenario files (docs/model.md §1 and §3 parameters).
 */
package org.retailrl.core.json;
