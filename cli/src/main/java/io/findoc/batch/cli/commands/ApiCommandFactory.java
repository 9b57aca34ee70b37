package io.findoc.batch.cli.commands;

import picocli.CommandLine;

/** Makes the commands, handing each the {@link Context} it runs in. */
public final class ApiCommandFactory implements CommandLine.IFactory {

  private final Context context;
  private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

  public ApiCommandFactory(Context context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    K made = defaults.create(type);
    if (made instanceof ApiCommand command) {
      command.context = context;
    }
    return made;
  }
}
