/** Guice wiring: which adapters and backends make up the application. */
package dev.rareclass.app.wiring;
