package dev.rareclass.app.reliability;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.cli.Cli;
import dev.rareclass.app.wiring.AppModule;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process (as {@code CliRun} does) and captures exit code, stdout and stderr. */
record InProcessCli(int exitCode, String out, String err) {

    private static final Injector INJECTOR = Guice.createInjector(new AppModule());

    static InProcessCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Cli.commandLine(INJECTOR);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new InProcessCli(code, out.toString(), err.toString());
    }
}
