package dev.jgenkit.runners.validate;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether JavaScript's {@code new URL(s)} (the WHATWG URL parser, no base) would accept {@code s}.
 *
 * <p>{@code java.net.URI} is not used because it is stricter than browsers and Node: it rejects
 * spaces, {@code |}, {@code [}/{@code ]} in paths and {@code _} in host names, all of which {@code
 * new URL} accepts (it percent-encodes them). Only the failure conditions of the WHATWG parser are
 * implemented: a scheme, a non-empty valid host with a valid port for {@code http}/{@code https},
 * IPv4 and IPv6 host syntax, and IDNA for non-ASCII hosts (via {@link IDN}, IDNA 2003, close to UTS
 * 46 for real host names). Paths, queries and fragments never make parsing fail.
 */
final class WhatwgUrl {
  private static final String FORBIDDEN_HOST = "\u0000\t\n\r #/:<>?@[\\]^|";
  private static final String FORBIDDEN_DOMAIN = FORBIDDEN_HOST + "%\u007f";

  private WhatwgUrl() {}

  static boolean isValid(String input) {
    String s = strip(input);
    int colon = schemeEnd(s);
    if (colon < 0) {
      return false;
    }
    String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = s.substring(colon + 1);
    boolean special = List.of("http", "https", "ws", "wss", "ftp").contains(scheme);
    if (scheme.equals("file")) {
      return true;
    }
    if (special) {
      int i = 0;
      while (i < rest.length() && (rest.charAt(i) == '/' || rest.charAt(i) == '\\')) {
        i++;
      }
      return validAuthority(authority(rest.substring(i), true), true);
    }
    if (rest.startsWith("//")) {
      return validAuthority(authority(rest.substring(2), false), false);
    }
    return true;
  }

  // Leading/trailing C0 controls and spaces are stripped; tabs and newlines anywhere are removed.
  private static String strip(String input) {
    int start = 0;
    int end = input.length();
    while (start < end && input.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && input.charAt(end - 1) <= ' ') {
      end--;
    }
    StringBuilder out = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = input.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int schemeEnd(String s) {
    if (s.isEmpty() || !isAsciiAlpha(s.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!isAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return -1;
      }
    }
    return -1;
  }

  private static String authority(String s, boolean special) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '?' || c == '#' || (special && c == '\\')) {
        return s.substring(0, i);
      }
    }
    return s;
  }

  private static boolean validAuthority(String authority, boolean special) {
    int at = authority.lastIndexOf('@');
    String hostPort = at < 0 ? authority : authority.substring(at + 1);
    if (at >= 0 && hostPort.isEmpty()) {
      return false;
    }
    int portColon = -1;
    boolean inBrackets = false;
    for (int i = 0; i < hostPort.length(); i++) {
      char c = hostPort.charAt(i);
      if (c == '[') {
        inBrackets = true;
      } else if (c == ']') {
        inBrackets = false;
      } else if (c == ':' && !inBrackets) {
        portColon = i;
        break;
      }
    }
    String host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
    String port = portColon < 0 ? "" : hostPort.substring(portColon + 1);
    if (host.isEmpty()) {
      return !special && portColon < 0 && at < 0;
    }
    return validPort(port) && validHost(host, special);
  }

  private static boolean validPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    for (int i = 0; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    String digits = port.replaceFirst("^0+(?=.)", "");
    return digits.length() <= 5 && Integer.parseInt(digits) <= 65535;
  }

  private static boolean validHost(String host, boolean special) {
    if (host.startsWith("[")) {
      return host.endsWith("]") && validIpv6(host.substring(1, host.length() - 1));
    }
    if (!special) {
      return host.chars().noneMatch(c -> FORBIDDEN_HOST.indexOf(c) >= 0);
    }
    String domain = percentDecode(host);
    if (domain == null) {
      return false;
    }
    String ascii;
    if (domain.chars().allMatch(c -> c < 0x80)) {
      ascii = domain.toLowerCase(Locale.ROOT);
    } else {
      try {
        ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (ascii.isEmpty()
        || ascii.chars().anyMatch(c -> c < 0x20 || FORBIDDEN_DOMAIN.indexOf(c) >= 0)) {
      return false;
    }
    return !endsInNumber(ascii) || validIpv4(ascii);
  }

  // UTF-8 percent-decoding; invalid UTF-8 becomes U+FFFD in WHATWG, which IDNA then rejects.
  private static String percentDecode(String host) {
    if (host.indexOf('%') < 0) {
      return host;
    }
    byte[] raw = host.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(raw.length);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%'
          && i + 2 < raw.length
          && isAsciiHex((char) raw[i + 1])
          && isAsciiHex((char) raw[i + 2])) {
        out.put((byte) Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
        i += 2;
      } else {
        out.put(raw[i]);
      }
    }
    out.flip();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(out)
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean endsInNumber(String domain) {
    List<String> parts = labels(domain);
    String last = parts.get(parts.size() - 1);
    if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return true;
    }
    return ipv4Number(last) >= 0;
  }

  private static boolean validIpv4(String domain) {
    List<String> parts = labels(domain);
    if (parts.size() > 4) {
      return false;
    }
    for (int i = 0; i < parts.size(); i++) {
      long n = ipv4Number(parts.get(i));
      if (n < 0) {
        return false;
      }
      if (i < parts.size() - 1 ? n > 255 : n >= 1L << (8 * (5 - parts.size()))) {
        return false;
      }
    }
    return true;
  }

  // Labels split on '.', with one trailing empty label dropped (as the IPv4 parser does).
  private static List<String> labels(String domain) {
    List<String> parts = new ArrayList<>(List.of(domain.split("\\.", -1)));
    if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }

  // An IPv4 number (decimal, 0x hex or 0-prefixed octal); -1 when it is none. Values past
  // 2^32 are clamped, which is enough to reject them.
  private static long ipv4Number(String part) {
    if (part.isEmpty()) {
      return -1;
    }
    int radix = 10;
    String digits = part;
    if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() >= 2 && part.charAt(0) == '0') {
      radix = 8;
      digits = part.substring(1);
    }
    if (digits.isEmpty()) {
      return 0;
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), radix);
      if (d < 0 || digits.charAt(i) > 'z') {
        return -1;
      }
      value = Math.min(value * radix + d, 1L << 40);
    }
    return value;
  }

  private static boolean validIpv6(String literal) {
    if (literal.isEmpty() || !literal.contains(":")) {
      return false;
    }
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (!isAsciiHex(c) && c != ':' && c != '.') {
        return false;
      }
    }
    try {
      // A bracketed literal of hex digits, colons and dots is parsed, never looked up.
      InetAddress.getByName("[" + literal + "]");
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
