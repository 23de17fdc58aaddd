/** File helpers shared by adapters: atomic writes. */
package dev.rareclass.adapters.io;
