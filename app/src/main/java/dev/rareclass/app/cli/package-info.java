/**
 * The picocli command line. Each command is a {@code Callable<Integer>} that maps its options to a
 * domain request (mixins convert themselves with {@code toDomain()}) and prints the result; exit codes
 * are decided in one place, {@link dev.rareclass.app.cli.Cli}.
 */
package dev.rareclass.app.cli;
