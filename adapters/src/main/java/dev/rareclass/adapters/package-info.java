/**
 * Adapters: file formats, the model store and result writers. Each implements a domain port; the
 * Guice {@link dev.rareclass.adapters.AdaptersModule} binds them.
 */
package dev.rareclass.adapters;
