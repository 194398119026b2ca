package dev.jgenkit.cli.picker;

import java.util.Objects;

/**
 * One line of the picker: a test (model × test) or a sample or one of its flows.
 *
 * @param key stable identity, remembered across runs and sessions
 * @param label what is shown and matched
 * @param detail shown dim after the label, not matched (a phase, a capability); may be empty
 */
public record PickerItem(String key, String label, String detail) {
  public PickerItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    detail = detail == null ? "" : detail;
  }
}
