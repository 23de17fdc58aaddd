/** The model store: one checksummed zip file per fitted pipeline. */
package dev.rareclass.adapters.store;
