/** The rareclass application: {@link dev.rareclass.app.Main} builds the injector and runs the command line. */
package dev.rareclass.app;
