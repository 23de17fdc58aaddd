package dev.rareclass.app;

import dev.rareclass.app.cli.Cli;

/** Process entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
