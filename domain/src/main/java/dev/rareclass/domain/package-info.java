/**
 * The rareclass domain: tables, labels, splits, preprocessing, the ports that backends and adapters
 * implement, and the use cases the command line drives. Depends on the JDK only; an ArchUnit test and
 * the Maven enforcer keep it so.
 */
package dev.rareclass.domain;
