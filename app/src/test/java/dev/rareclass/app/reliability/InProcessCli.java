package dev.rareclass.app.reliability;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.cli.CliRun;
import dev.rareclass.app.wiring.AppModule;

/** Runs the real command line in-process (as {@code CliRun} does) and captures exit code, stdout and stderr. */
record InProcessCli(int exitCode, String out, String err) {

    private static final Injector INJECTOR = Guice.createInjector(new AppModule());

    static InProcessCli run(String... args) {
        CliRun r = CliRun.withAllCommands(INJECTOR, args);
        return new InProcessCli(r.exitCode(), r.out(), r.err());
    }
}
