package dev.jgenkit.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads a command line from one configuration value: a JSON array, or words with quotes. */
final class CommandLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommandLines() {}

  /**
   * {@code ["node", "index.js"]}, or {@code node index.js} where single or double quotes group
   * words and a backslash escapes the next character.
   *
   * @throws IllegalArgumentException when the value cannot be read
   */
  static List<String> parse(String value) {
    String v = value.trim();
    if (v.startsWith("[")) {
      try {
        JsonNode n = JSON.readTree(v);
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isTextual()) {
            throw new IllegalArgumentException("a JSON command must be an array of strings: " + v);
          }
          out.add(e.asText());
        }
        return out;
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("not a JSON array of strings: " + v, e);
      }
    }
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\' && quote != '\'' && i + 1 < v.length()) {
        word.append(v.charAt(++i));
        inWord = true;
      } else if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed " + quote + " in: " + v);
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }

  /** The JSON array form, which {@link #parse} reads back exactly. */
  static String toJson(List<String> argv) {
    try {
      return JSON.writeValueAsString(argv);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
