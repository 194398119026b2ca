package dev.jgenkit.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds command models in code rather than from annotations, for the commands on the start-up
 * path of a run ({@code jgenkit} and {@code test-model}): reading annotations makes the JVM parse
 * them and generate a proxy class per annotation type, which cost a short run more time than
 * everything else picocli does. The values are read back from the parsed model with {@link #value}.
 */
final class Options {
  private Options() {}

  /** A command for {@code userObject}, with {@code -h/--help} and {@code -V/--version}. */
  static CommandSpec command(String name, Object userObject, String[] description, String... footer) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject);
    spec.name(name);
    spec.versionProvider(new VersionProvider());
    spec.usageMessage().description(description).footer(footer);
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
    return spec;
  }

  /** An on/off option. */
  static void flag(CommandSpec spec, String[] names, String description) {
    spec.addOption(OptionSpec.builder(names).type(boolean.class).initialValue(false).hasInitialValue(true)
        .description(description).build());
  }

  /** An option with one value of {@code type}, {@code initial} when not given (may be null). */
  static <T> void single(CommandSpec spec, String name, String label, Class<T> type, T initial, String description) {
    single(spec, new String[] {name}, label, type, initial, description);
  }

  static <T> void single(CommandSpec spec, String[] names, String label, Class<T> type, T initial, String description) {
    OptionSpec.Builder b = OptionSpec.builder(names).paramLabel(label).type(type).description(description);
    if (initial != null) {
      b.initialValue(initial).hasInitialValue(true);
    }
    spec.addOption(b.build());
  }

  /** A repeatable option collecting strings. */
  static void repeatable(CommandSpec spec, String name, String label, String description) {
    spec.addOption(OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(String.class)
        .description(description).build());
  }

  /** Any number of positional strings. */
  static void positionals(CommandSpec spec, String label, String description) {
    spec.addPositional(PositionalParamSpec.builder().paramLabel(label).arity("0..*").type(List.class)
        .auxiliaryTypes(String.class).description(description).build());
  }

  /** The parsed value of option {@code name} (its initial value when not given). */
  static <T> T value(CommandSpec spec, String name) {
    return spec.findOption(name).getValue();
  }

  /** The parsed strings of a repeatable option: empty when it was not given. */
  static List<String> strings(CommandSpec spec, String name) {
    return copy(value(spec, name));
  }

  /** The parsed positional strings (see {@link #positionals}): empty when there are none. */
  static List<String> positionalStrings(CommandSpec spec) {
    return copy(spec.positionalParameters().get(0).getValue());
  }

  private static List<String> copy(List<String> values) {
    return values == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(values);
  }
}
