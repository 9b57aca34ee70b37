package io.findoc.batch.cli.commands;

import io.findoc.batch.cli.watch.Interrupts;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * What commands get from outside: the environment, the output streams, the clock, Ctrl-C, and
 * whether stderr is a terminal; tests give their own.
 */
public record Context(
    Map<String, String> env,
    PrintStream out,
    PrintStream err,
    Clock clock,
    Supplier<Interrupts> interrupts,
    boolean terminal,
    JsonMapper json) {}
