/** User-facing errors, one class per exit code. */
package dev.rareclass.domain.error;
