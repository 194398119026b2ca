package dev.jgenkit.runners.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jgenkit.runners.validate.SchemaCheck;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Synthesises an input for a flow from its input JSON Schema, as reported by the Genkit runtime
 * (zod via zod-to-json-schema for JS, draft-07; pydantic for Python; invopop/jsonschema for Go).
 *
 * <p>Per schema node, in priority order: {@code const}; then {@code default}, {@code examples} (and
 * OpenAPI {@code example}) as the first candidates; {@code enum} (non-null values first); {@code
 * not: {}} or {@code false} is impossible; {@code $ref} (local pointers, {@code #}, {@code
 * $anchor}; a cycle through required properties is impossible); {@code allOf} (branches merged into
 * one schema); {@code anyOf}/{@code oneOf} (first branch that synthesises, {@code null} branches
 * last); {@code type} (a list is tried non-null first; without {@code type} the keywords present
 * decide, and a schema that constrains nothing gets the plain string {@code "test"}).
 *
 * <ul>
 *   <li>object: the required properties, plus every property that declares a {@code default}, plus
 *       optional properties or extra keys up to {@code minProperties};
 *   <li>array: {@code minItems} items, else one (or {@code []} when no item can be made), from
 *       {@code prefixItems}/tuple {@code items} then {@code items}, distinct under {@code
 *       uniqueItems}, at most {@code maxItems};
 *   <li>string: a {@code pattern} (see {@link PatternStrings}), else a valid value for the common
 *       {@code format}s, else {@code "test"}, padded or cut to {@code minLength}/{@code maxLength};
 *   <li>number/integer: the lowest value the bounds and {@code multipleOf} allow, else {@code 42};
 *   <li>boolean {@code true}; null {@code null}.
 * </ul>
 *
 * <p>Each node yields a few candidates in that order; the top level tries them until one validates
 * against the whole schema (networknt, through {@link SchemaCheck}), so a returned {@link
 * Synthesis.Value} always validates. Pure and thread-safe.
 */
public final class InputSynthesizer {
  static final int WANT = 8;
  private static final int MAX_DEPTH = 64;
  private static final int MAX_ITEMS = 256;
  private static final long MAX_LENGTH = 100_000;
  private static final int SHOWN = 200;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final String PATTERNS = AllOfMerge.PATTERNS;
  private static final String CONFLICT = AllOfMerge.CONFLICT;

  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "$comment",
          "default",
          "examples",
          "example",
          "$schema",
          "$id",
          "$defs",
          "definitions",
          "deprecated",
          "readOnly",
          "writeOnly",
          "$anchor",
          "$dynamicAnchor",
          "contentMediaType",
          "contentEncoding",
          "contentSchema",
          "nullable",
          "discriminator",
          "propertyOrdering");

  private InputSynthesizer() {}

  /**
   * An input for a flow whose input schema is {@code schema}.
   *
   * @param schema the flow's {@code inputSchema}; {@code null}, JSON {@code null} or missing when
   *     the flow declares none, which gives {@code Value(null, "no input schema")}
   */
  public static Synthesis synthesize(JsonNode schema) {
    if (schema == null || schema.isNull() || schema.isMissingNode()) {
      return new Synthesis.Value(NullNode.getInstance(), "no input schema");
    }
    if (!schema.isObject() && !schema.isBoolean()) {
      return new Synthesis.Impossible(
          "$: the input schema is a "
              + schema.getNodeType().name().toLowerCase()
              + ", not a JSON Schema");
    }
    Optional<String> problem = SchemaCheck.problem(schema);
    if (problem.isPresent()) {
      return new Synthesis.Impossible("$: the input schema is " + problem.get());
    }
    Outcome outcome = new Generator(schema).gen(schema, "$", 0, WANT);
    if (outcome.failed()) {
      return new Synthesis.Impossible(outcome.reason());
    }
    List<String> firstErrors = null;
    for (Candidate candidate : outcome.candidates()) {
      List<String> errors;
      try {
        errors = SchemaCheck.errors(schema, candidate.value());
      } catch (IllegalArgumentException e) {
        return new Synthesis.Impossible("$: the input schema is " + e.getMessage());
      }
      if (errors.isEmpty()) {
        return new Synthesis.Value(
            candidate.value(), "from " + String.join(", ", candidate.rules()));
      }
      if (firstErrors == null) {
        firstErrors = errors;
      }
    }
    String first = outcome.candidates().get(0).value().toString();
    return new Synthesis.Impossible(
        String.join("; ", firstErrors)
            + " (no synthesised value validates; the first tried was "
            + (first.length() > SHOWN ? first.substring(0, SHOWN) + "…" : first)
            + ")");
  }

  /** One synthesised value and the rules that made it, in the order they applied. */
  private record Candidate(JsonNode value, List<String> rules) {
    Candidate withRule(String rule) {
      LinkedHashSet<String> all = new LinkedHashSet<>();
      all.add(rule);
      all.addAll(rules);
      return new Candidate(value, List.copyOf(all));
    }
  }

  /** Candidates for a node, best first; none means impossible, and {@code reason} says why. */
  private record Outcome(List<Candidate> candidates, String reason) {
    static Outcome ok(List<Candidate> candidates) {
      return new Outcome(List.copyOf(candidates), "");
    }

    static Outcome ok(JsonNode value, String rule) {
      return ok(List.of(new Candidate(value, List.of(rule))));
    }

    static Outcome fail(String path, String why) {
      return new Outcome(List.of(), path + ": " + why);
    }

    boolean failed() {
      return candidates.isEmpty();
    }

    Outcome withRule(String rule) {
      if (failed()) {
        return this;
      }
      List<Candidate> out = new ArrayList<>();
      candidates.forEach(c -> out.add(c.withRule(rule)));
      return ok(out);
    }

    Candidate at(int i) {
      return candidates.get(Math.min(i, candidates.size() - 1));
    }
  }

  /** An allOf that cannot be merged (a false branch, an unresolvable or cyclic $ref). */
  private static final class MergeProblem extends Exception {
    MergeProblem(String message) {
      super(message, null, false, false);
    }
  }

  /** One synthesis: the root for {@code $ref}s and the refs being expanded, for the cycle guard. */
  private static final class Generator {
    private final JsonNode root;
    private final Map<JsonNode, Integer> expanding = new IdentityHashMap<>();

    Generator(JsonNode root) {
      this.root = root;
    }

    /**
     * Candidates for {@code s}. Every schema node is marked while its value is being made, so a
     * {@code $ref} back to it (or to the root, via {@code #}) is recognised as a cycle.
     */
    Outcome gen(JsonNode s, String path, int depth, int want) {
      if (!s.isContainerNode()) {
        return make(s, path, depth, want);
      }
      expanding.merge(s, 1, Integer::sum);
      try {
        return make(s, path, depth, want);
      } finally {
        release(s);
      }
    }

    private Outcome make(JsonNode s, String path, int depth, int want) {
      if (depth > MAX_DEPTH) {
        return Outcome.fail(path, "the schema nests deeper than " + MAX_DEPTH + " levels");
      }
      if (s.isBoolean()) {
        return s.booleanValue()
            ? anything(want)
            : Outcome.fail(path, "the schema is false, which allows no value");
      }
      if (!s.isObject()) {
        return Outcome.fail(path, "not a JSON Schema: " + s);
      }
      if (s.has(CONFLICT)) {
        return Outcome.fail(path, s.get(CONFLICT).asText());
      }
      if (s.has("const")) {
        return Outcome.ok(s.get("const"), "const");
      }
      List<Candidate> given = new ArrayList<>();
      if (s.has("default")) {
        given.add(new Candidate(s.get("default"), List.of("default")));
      }
      if (s.path("examples").isArray()) {
        for (JsonNode example : s.get("examples")) {
          if (given.size() < want) {
            given.add(new Candidate(example, List.of("examples")));
          }
        }
      }
      if (s.has("example")) {
        given.add(new Candidate(s.get("example"), List.of("example")));
      }
      if (s.has("enum")) {
        return enumeration(s, path, given, want);
      }
      Outcome made = structural(s, path, depth, want);
      if (made.failed()) {
        return given.isEmpty() ? made : Outcome.ok(given);
      }
      List<Candidate> all = new ArrayList<>(given);
      for (Candidate c : made.candidates()) {
        if (all.size() < Math.max(want, given.size() + 1)) {
          all.add(c);
        }
      }
      return Outcome.ok(all);
    }

    private Outcome enumeration(JsonNode s, String path, List<Candidate> given, int want) {
      JsonNode values = s.get("enum");
      if (!values.isArray() || values.isEmpty()) {
        return given.isEmpty()
            ? Outcome.fail(path, "enum is empty, which allows no value")
            : Outcome.ok(given);
      }
      List<Candidate> all = new ArrayList<>(given);
      List<JsonNode> nulls = new ArrayList<>();
      for (JsonNode value : values) {
        if (value.isNull()) {
          nulls.add(value);
        } else if (all.size() < want + given.size()) {
          all.add(new Candidate(value, List.of("enum")));
        }
      }
      nulls.forEach(n -> all.add(new Candidate(n, List.of("enum"))));
      return Outcome.ok(all);
    }

    private Outcome structural(JsonNode s, String path, int depth, int want) {
      JsonNode not = s.get("not");
      if (not != null && (not.isBoolean() ? not.booleanValue() : !constrains(not))) {
        return Outcome.fail(path, "'not: " + not + "' allows no value");
      }
      if (s.has("$ref")) {
        return ref(s, path, depth, want);
      }
      if (s.has("allOf")) {
        return allOf(s, path, depth, want);
      }
      if (s.has("anyOf")) {
        return choice(s, "anyOf", path, depth, want);
      }
      if (s.has("oneOf")) {
        return choice(s, "oneOf", path, depth, want);
      }
      return typed(s, path, depth, want);
    }

    // ---- $ref, allOf, anyOf, oneOf

    private Outcome ref(JsonNode s, String path, int depth, int want) {
      String ref = s.get("$ref").asText();
      JsonNode target = resolve(ref);
      if (target == null) {
        return Outcome.fail(
            path,
            "$ref '" + ref + "' cannot be resolved within the input schema (only local refs are)");
      }
      ObjectNode siblings = withoutGiven(s);
      siblings.remove("$ref");
      if (constrains(siblings)) {
        ObjectNode both = JSON.objectNode();
        both.putArray("allOf").add(JSON.objectNode().put("$ref", ref)).add(siblings);
        return allOf(both, path, depth, want);
      }
      if (expanding.containsKey(target)) {
        return Outcome.fail(
            path, "cyclic $ref '" + ref + "' is required, so no finite value exists");
      }
      return gen(target, path, depth + 1, want).withRule("$ref");
    }

    private void release(JsonNode target) {
      expanding.computeIfPresent(target, (k, n) -> n == 1 ? null : n - 1);
    }

    private Outcome allOf(JsonNode s, String path, int depth, int want) {
      ObjectNode merged = withoutGiven(s);
      merged.remove("allOf");
      List<JsonNode> inlined = new ArrayList<>();
      try {
        JsonNode branches = s.get("allOf");
        if (!branches.isArray()) {
          return Outcome.fail(path, "allOf is not an array");
        }
        for (JsonNode branch : branches) {
          mergeBranch(merged, branch, inlined, new IdentityHashMap<>());
        }
      } catch (MergeProblem e) {
        return Outcome.fail(path, e.getMessage());
      }
      // The refs inlined by the merge stay "being expanded" while their content is synthesised.
      inlined.forEach(target -> expanding.merge(target, 1, Integer::sum));
      try {
        return gen(merged, path, depth + 1, want).withRule("allOf");
      } finally {
        inlined.forEach(this::release);
      }
    }

    private void mergeBranch(
        ObjectNode acc, JsonNode branch, List<JsonNode> inlined, Map<JsonNode, Boolean> merging)
        throws MergeProblem {
      if (branch.isBoolean()) {
        if (!branch.booleanValue()) {
          throw new MergeProblem("an allOf branch is false, which allows no value");
        }
        return;
      }
      if (!branch.isObject()) {
        throw new MergeProblem("an allOf branch is not a JSON Schema: " + branch);
      }
      if (branch.has("$ref")) {
        String ref = branch.get("$ref").asText();
        JsonNode target = resolve(ref);
        if (target == null) {
          throw new MergeProblem(
              "$ref '"
                  + ref
                  + "' cannot be resolved within the input schema (only local refs are)");
        }
        if (merging.containsKey(target) || expanding.containsKey(target)) {
          throw new MergeProblem(
              "cyclic $ref '" + ref + "' is required, so no finite value exists");
        }
        merging.put(target, true);
        inlined.add(target);
        mergeBranch(acc, target, inlined, merging);
        merging.remove(target);
      }
      if (branch.path("allOf").isArray()) {
        for (JsonNode inner : branch.get("allOf")) {
          mergeBranch(acc, inner, inlined, merging);
        }
      }
      for (Map.Entry<String, JsonNode> field : branch.properties()) {
        if (!field.getKey().equals("$ref") && !field.getKey().equals("allOf")) {
          AllOfMerge.mergeKeyword(acc, field.getKey(), field.getValue());
        }
      }
    }

    private Outcome choice(JsonNode s, String keyword, String path, int depth, int want) {
      JsonNode branches = s.get(keyword);
      if (!branches.isArray() || branches.isEmpty()) {
        return Outcome.fail(path, keyword + " has no branches, so no value is allowed");
      }
      ObjectNode siblings = withoutGiven(s);
      siblings.remove(keyword);
      boolean merge = constrains(siblings);
      List<Integer> order = new ArrayList<>();
      List<Integer> nulls = new ArrayList<>();
      for (int i = 0; i < branches.size(); i++) {
        (onlyNull(branches.get(i)) ? nulls : order).add(i);
      }
      order.addAll(nulls);
      List<Outcome> made = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      for (int i : order) {
        JsonNode branch = branches.get(i);
        if (merge) {
          ObjectNode both = JSON.objectNode();
          both.putArray("allOf").add(siblings).add(branch);
          branch = both;
        }
        Outcome outcome = gen(branch, path, depth + 1, want);
        if (outcome.failed()) {
          reasons.add("branch " + i + ": " + outcome.reason());
        } else {
          made.add(outcome);
        }
      }
      if (made.isEmpty()) {
        return Outcome.fail(
            path,
            "no " + keyword + " branch can be synthesised (" + String.join("; ", reasons) + ")");
      }
      return interleave(made, want).withRule(keyword);
    }

    private static boolean onlyNull(JsonNode branch) {
      if (!branch.isObject()) {
        return false;
      }
      JsonNode type = branch.get("type");
      if (type != null && type.isTextual()) {
        return type.asText().equals("null");
      }
      if (type != null && type.isArray()) {
        for (JsonNode t : type) {
          if (!t.asText().equals("null")) {
            return false;
          }
        }
        return !type.isEmpty();
      }
      return branch.has("const") && branch.get("const").isNull();
    }

    private JsonNode resolve(String ref) {
      if (ref.isEmpty() || ref.equals("#")) {
        return root;
      }
      String rootId = root.path("$id").asText("");
      if (!rootId.isEmpty() && ref.startsWith(rootId) && !ref.startsWith("#")) {
        String rest = ref.substring(rootId.length());
        return rest.startsWith("#") || rest.isEmpty() ? resolve(rest) : null;
      }
      if (ref.startsWith("#/")) {
        JsonNode node = root;
        for (String token : ref.substring(2).split("/", -1)) {
          String key = percentDecode(token).replace("~1", "/").replace("~0", "~");
          if (node.isArray() && key.matches("\\d+")) {
            node = node.get(Integer.parseInt(key));
          } else if (node.isObject()) {
            node = node.get(key);
          } else {
            return null;
          }
          if (node == null) {
            return null;
          }
        }
        return node;
      }
      if (ref.startsWith("#")) {
        return findAnchor(root, ref.substring(1));
      }
      return null;
    }

    private static JsonNode findAnchor(JsonNode node, String name) {
      if (node.isObject()) {
        if (name.equals(node.path("$anchor").asText(null))
            || ("#" + name).equals(node.path("$id").asText(null))) {
          return node;
        }
      }
      if (node.isContainerNode()) {
        for (JsonNode child : node) {
          JsonNode found = findAnchor(child, name);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }

    // ---- by type

    private Outcome typed(JsonNode s, String path, int depth, int want) {
      List<String> types = new ArrayList<>();
      JsonNode type = s.get("type");
      if (type == null) {
        types.addAll(inferTypes(s));
        if (types.isEmpty()) {
          return anything(want);
        }
      } else if (type.isTextual()) {
        types.add(type.asText());
      } else if (type.isArray()) {
        List<String> nulls = new ArrayList<>();
        for (JsonNode t : type) {
          (t.asText().equals("null") ? nulls : types).add(t.asText());
        }
        types.addAll(nulls);
        if (types.isEmpty()) {
          return Outcome.fail(path, "type [] allows no value");
        }
      } else {
        return Outcome.fail(path, "type " + type + " is neither a name nor a list of names");
      }
      List<Outcome> made = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      for (String t : types) {
        Outcome outcome = ofType(t, s, path, depth, want);
        if (outcome.failed()) {
          reasons.add(outcome.reason());
        } else {
          made.add(outcome);
        }
      }
      if (made.isEmpty()) {
        return reasons.size() == 1
            ? new Outcome(List.of(), reasons.get(0))
            : Outcome.fail(
                path,
                "no type of " + types + " can be synthesised (" + String.join("; ", reasons) + ")");
      }
      return interleave(made, want);
    }

    private static List<String> inferTypes(JsonNode s) {
      List<String> types = new ArrayList<>();
      if (hasAny(
          s,
          "properties",
          "required",
          "additionalProperties",
          "patternProperties",
          "minProperties",
          "maxProperties",
          "propertyNames",
          "dependentRequired")) {
        types.add("object");
      }
      if (hasAny(
          s,
          "items",
          "prefixItems",
          "minItems",
          "maxItems",
          "uniqueItems",
          "contains",
          "additionalItems")) {
        types.add("array");
      }
      if (hasAny(s, "minLength", "maxLength", "pattern", "format", PATTERNS)) {
        types.add("string");
      }
      if (hasAny(s, "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")) {
        types.add("number");
      }
      return types;
    }

    private Outcome ofType(String type, JsonNode s, String path, int depth, int want) {
      switch (type) {
        case "object":
          return object(s, path, depth, want);
        case "array":
          return array(s, path, depth, want);
        case "string":
          return string(s, path, want);
        case "number":
          return number(s, false, path, want);
        case "integer":
          return number(s, true, path, want);
        case "boolean":
          return Outcome.ok(
              List.of(
                  new Candidate(BooleanNode.TRUE, List.of("boolean")),
                  new Candidate(BooleanNode.FALSE, List.of("boolean"))));
        case "null":
          return Outcome.ok(NullNode.getInstance(), "null");
        default:
          return Outcome.fail(path, "unknown type '" + type + "'");
      }
    }

    private Outcome anything(int want) {
      List<Candidate> out = new ArrayList<>();
      for (String s : StringCandidates.plainStrings(0, PatternStrings.UNBOUNDED, want)) {
        out.add(new Candidate(TextNode.valueOf(s), List.of("any value (a plain string)")));
      }
      return Outcome.ok(out);
    }

    private Outcome object(JsonNode s, String path, int depth, int want) {
      JsonNode properties = s.path("properties");
      Long minProperties = count(s, "minProperties");
      Long maxProperties = count(s, "maxProperties");
      if (minProperties != null && maxProperties != null && minProperties > maxProperties) {
        return Outcome.fail(
            path,
            "minProperties " + minProperties + " is greater than maxProperties " + maxProperties);
      }
      Set<String> required = new LinkedHashSet<>();
      s.path("required").forEach(name -> required.add(name.asText()));
      if (maxProperties != null && required.size() > maxProperties) {
        return Outcome.fail(
            path,
            required.size() + " properties are required but maxProperties is " + maxProperties);
      }
      List<String> rules = new ArrayList<>();
      Map<String, Outcome> chosen = new LinkedHashMap<>();
      for (String name : required) {
        String at = child(path, name);
        JsonNode schema = propertySchema(s, name);
        if (schema == null) {
          return Outcome.fail(
              at,
              "is required, but it is not among the properties and additionalProperties is false");
        }
        Outcome outcome = gen(schema, at, depth + 1, want);
        if (outcome.failed()) {
          return outcome;
        }
        chosen.put(name, outcome);
      }
      if (!required.isEmpty()) {
        rules.add("required properties");
      }
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        boolean room = maxProperties == null || chosen.size() < maxProperties;
        if (room && !chosen.containsKey(property.getKey()) && property.getValue().has("default")) {
          chosen.put(
              property.getKey(),
              Outcome.ok(property.getValue().get("default"), "defaults of optional properties"));
        }
      }
      if (minProperties != null && chosen.size() < minProperties) {
        rules.add("minProperties");
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
          if (chosen.size() < minProperties && !chosen.containsKey(property.getKey())) {
            Outcome outcome =
                gen(property.getValue(), child(path, property.getKey()), depth + 1, want);
            if (!outcome.failed()) {
              chosen.put(property.getKey(), outcome);
            }
          }
        }
        for (int extra = 1; chosen.size() < minProperties && extra <= minProperties; extra++) {
          String name = "property" + extra;
          JsonNode schema = propertySchema(s, name);
          if (schema == null || chosen.containsKey(name)) {
            continue;
          }
          Outcome outcome = gen(schema, child(path, name), depth + 1, want);
          if (!outcome.failed()) {
            chosen.put(name, outcome);
          }
        }
        if (chosen.size() < minProperties) {
          return Outcome.fail(
              path,
              "minProperties "
                  + minProperties
                  + " cannot be reached: only "
                  + chosen.size()
                  + " properties can be synthesised");
        }
      }
      if (chosen.isEmpty()) {
        return Outcome.ok(JSON.objectNode(), "an empty object");
      }
      int n = 1;
      for (Outcome outcome : chosen.values()) {
        n = Math.max(n, Math.min(want, outcome.candidates().size()));
      }
      List<Candidate> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ObjectNode value = JSON.objectNode();
        LinkedHashSet<String> used = new LinkedHashSet<>(rules);
        for (Map.Entry<String, Outcome> entry : chosen.entrySet()) {
          Candidate c = entry.getValue().at(i);
          value.set(entry.getKey(), c.value());
          used.addAll(c.rules());
        }
        out.add(new Candidate(value, List.copyOf(used)));
      }
      return Outcome.ok(out);
    }

    /** The schema a property named {@code name} must match; null when none may be present. */
    private static JsonNode propertySchema(JsonNode s, String name) {
      JsonNode declared = s.path("properties").get(name);
      if (declared != null) {
        return declared;
      }
      for (Map.Entry<String, JsonNode> entry : s.path("patternProperties").properties()) {
        try {
          if (Pattern.compile(entry.getKey()).matcher(name).find()) {
            return entry.getValue();
          }
        } catch (PatternSyntaxException e) {
          // an unusable patternProperties key matches nothing here; the validator has the last word
        }
      }
      JsonNode additional = s.get("additionalProperties");
      if (additional == null) {
        return BooleanNode.TRUE;
      }
      return additional.isBoolean() && !additional.booleanValue() ? null : additional;
    }

    private Outcome array(JsonNode s, String path, int depth, int want) {
      Long minItems = count(s, "minItems");
      Long maxItems = count(s, "maxItems");
      if (minItems != null && maxItems != null && minItems > maxItems) {
        return Outcome.fail(path, "minItems " + minItems + " is greater than maxItems " + maxItems);
      }
      List<JsonNode> prefix = new ArrayList<>();
      JsonNode rest;
      if (s.path("prefixItems").isArray()) {
        s.get("prefixItems").forEach(prefix::add);
        rest = s.has("items") ? s.get("items") : BooleanNode.TRUE;
      } else if (s.path("items").isArray()) {
        s.get("items").forEach(prefix::add);
        rest = s.has("additionalItems") ? s.get("additionalItems") : BooleanNode.TRUE;
      } else {
        rest = s.has("items") ? s.get("items") : BooleanNode.TRUE;
      }
      boolean restForbidden = rest.isBoolean() && !rest.booleanValue();
      boolean optional = minItems == null || minItems == 0;
      long size = minItems != null ? minItems : Math.max(1, prefix.size());
      if (minItems == null && restForbidden) {
        size = Math.min(size, prefix.size());
      }
      if (maxItems != null) {
        size = Math.min(size, maxItems);
      }
      if (size > MAX_ITEMS) {
        return Outcome.fail(
            path,
            "minItems " + size + " is above the " + MAX_ITEMS + " items input synthesis makes");
      }
      if (restForbidden && size > prefix.size()) {
        return Outcome.fail(
            path,
            "minItems "
                + size
                + " needs more items than the "
                + prefix.size()
                + " the tuple allows");
      }
      boolean unique = s.path("uniqueItems").asBoolean(false);
      List<String> rules = new ArrayList<>();
      if (minItems != null) {
        rules.add("minItems");
      }
      if (!prefix.isEmpty()) {
        rules.add("tuple items");
      }
      if (unique && size > 1) {
        rules.add("uniqueItems");
      }
      JsonNode contains = s.get("contains");
      List<Outcome> positions = new ArrayList<>();
      Map<JsonNode, Outcome> bySchema = new IdentityHashMap<>();
      int itemWant = unique ? (int) Math.min(MAX_ITEMS + WANT, size + want) : want;
      for (int i = 0; i < size; i++) {
        JsonNode schema = i < prefix.size() ? prefix.get(i) : rest;
        if (i == 0 && contains != null) {
          ObjectNode both = JSON.objectNode();
          both.putArray("allOf").add(schema).add(contains);
          schema = both;
          rules.add("contains");
        }
        Outcome outcome = bySchema.get(schema);
        if (outcome == null) {
          outcome = gen(schema, path + "[" + i + "]", depth + 1, itemWant);
          bySchema.put(schema, outcome);
        }
        if (outcome.failed()) {
          // Without minItems the array may be empty, which also ends a recursive item type.
          return optional && (contains == null)
              ? Outcome.ok(JSON.arrayNode(), "an empty array")
              : outcome;
        }
        positions.add(outcome);
      }
      if (positions.isEmpty()) {
        return Outcome.ok(
            JSON.arrayNode(), size == 0 && maxItems != null ? "maxItems" : "an empty array");
      }
      List<Candidate> out = new ArrayList<>();
      if (unique) {
        Set<JsonNode> used = new LinkedHashSet<>();
        LinkedHashSet<String> allRules = new LinkedHashSet<>(rules);
        ArrayNode value = JSON.arrayNode();
        for (int i = 0; i < positions.size(); i++) {
          Candidate pick = null;
          for (Candidate c : positions.get(i).candidates()) {
            if (!used.contains(c.value())) {
              pick = c;
              break;
            }
          }
          if (pick == null) {
            return Outcome.fail(
                path,
                "uniqueItems needs "
                    + size
                    + " distinct items, but only "
                    + used.size()
                    + " distinct values could be synthesised for them");
          }
          used.add(pick.value());
          value.add(pick.value());
          allRules.addAll(pick.rules());
        }
        out.add(new Candidate(value, List.copyOf(allRules)));
      } else {
        int n = 1;
        for (Outcome outcome : positions) {
          n = Math.max(n, Math.min(want, outcome.candidates().size()));
        }
        for (int j = 0; j < n; j++) {
          ArrayNode value = JSON.arrayNode();
          LinkedHashSet<String> allRules = new LinkedHashSet<>(rules);
          for (Outcome outcome : positions) {
            value.add(outcome.at(j).value());
            allRules.addAll(outcome.at(j).rules());
          }
          out.add(new Candidate(value, List.copyOf(allRules)));
        }
      }
      if (optional && contains == null) {
        out.add(new Candidate(JSON.arrayNode(), List.of("an empty array")));
      }
      return Outcome.ok(out);
    }

    private Outcome string(JsonNode s, String path, int want) {
      Long min = count(s, "minLength");
      Long max = count(s, "maxLength");
      long minLength = min == null ? 0 : min;
      long maxLength = max == null ? PatternStrings.UNBOUNDED : max;
      if (minLength > maxLength) {
        return Outcome.fail(
            path, "minLength " + minLength + " is greater than maxLength " + maxLength);
      }
      if (minLength > MAX_LENGTH) {
        return Outcome.fail(
            path,
            "minLength "
                + minLength
                + " is above the "
                + MAX_LENGTH
                + " characters input synthesis makes");
      }
      String lengths = min != null || max != null ? "length bounds" : null;
      List<String> patterns = new ArrayList<>();
      if (s.path("pattern").isTextual()) {
        patterns.add(s.get("pattern").asText());
      }
      s.path(PATTERNS).forEach(p -> patterns.add(p.asText()));
      String format = s.path("format").asText("");
      IntFunction<String> formatted = StringCandidates.FORMATS.get(format);
      List<String> fromFormat = new ArrayList<>();
      if (formatted != null) {
        for (int k = 0; fromFormat.size() < want && k < want * 2; k++) {
          String value = formatted.apply(k);
          long length = value.codePointCount(0, value.length());
          if (length >= minLength
              && length <= maxLength
              && !fromFormat.contains(value)
              && matchesAll(patterns, value)) {
            fromFormat.add(value);
          }
        }
      }
      List<String> values = new ArrayList<>(fromFormat);
      String rule;
      if (!patterns.isEmpty()) {
        rule = fromFormat.isEmpty() ? "pattern" : "format " + format;
        PatternStrings.Result result =
            PatternStrings.generate(patterns, minLength, maxLength, want);
        if (result.values().isEmpty() && fromFormat.isEmpty()) {
          return Outcome.fail(path, result.problem());
        }
        result.values().stream().filter(v -> !values.contains(v)).forEach(values::add);
      } else if (formatted != null) {
        rule = "format " + format;
        if (values.isEmpty()) {
          return Outcome.fail(
              path,
              "no '"
                  + format
                  + "' value fits minLength "
                  + minLength
                  + " and maxLength "
                  + (max == null ? "(none)" : max));
        }
      } else {
        rule = "plain string";
        values.addAll(StringCandidates.plainStrings(minLength, maxLength, want));
      }
      List<Candidate> out = new ArrayList<>();
      for (String value : values.subList(0, Math.min(values.size(), Math.max(want, 1)))) {
        out.add(
            new Candidate(
                TextNode.valueOf(value), lengths == null ? List.of(rule) : List.of(rule, lengths)));
      }
      return Outcome.ok(out);
    }

    private static boolean matchesAll(List<String> patterns, String value) {
      for (String pattern : patterns) {
        try {
          if (!Pattern.compile(pattern).matcher(value).find()) {
            return false;
          }
        } catch (PatternSyntaxException e) {
          return false;
        }
      }
      return true;
    }

    private Outcome number(JsonNode s, boolean integer, String path, int want) {
      NumberCandidates.Bound lower = NumberCandidates.Bound.lower(s);
      NumberCandidates.Bound upper = NumberCandidates.Bound.upper(s);
      JsonNode multipleOf = s.get("multipleOf");
      BigDecimal multiple = null;
      if (multipleOf != null && multipleOf.isNumber()) {
        multiple = multipleOf.decimalValue();
        if (multiple.signum() <= 0) {
          return Outcome.fail(path, "multipleOf " + multipleOf + " is not positive");
        }
      }
      String what = integer ? "integer" : "number";
      if (lower != null && upper != null) {
        int cmp = lower.value().compareTo(upper.value());
        if (cmp > 0) {
          return Outcome.fail(path, lower.label() + " is greater than " + upper.label());
        }
        if (cmp == 0 && (lower.exclusive() || upper.exclusive())) {
          return Outcome.fail(path, lower.label() + " and " + upper.label() + " leave no " + what);
        }
      }
      List<String> rules = new ArrayList<>();
      if (lower != null || upper != null) {
        rules.add("numeric bounds");
      }
      if (multiple != null) {
        rules.add("multipleOf");
      }
      if (rules.isEmpty()) {
        rules.add("plain " + what);
      }
      BigDecimal step =
          integer
              ? (multiple == null ? BigDecimal.ONE : NumberCandidates.integerStep(multiple))
              : multiple;
      List<BigDecimal> values =
          step != null
              ? NumberCandidates.onGrid(lower, upper, step, want)
              : NumberCandidates.inRange(lower, upper, want);
      if (values.isEmpty()) {
        String range =
            (lower == null ? "" : lower.label())
                + (lower != null && upper != null ? " and " : "")
                + (upper == null ? "" : upper.label());
        return Outcome.fail(
            path,
            "no "
                + (multiple == null ? what : what + " multiple of " + multiple.toPlainString())
                + " lies within "
                + range);
      }
      List<Candidate> out = new ArrayList<>();
      values.forEach(
          v -> out.add(new Candidate(NumberCandidates.numberNode(v), List.copyOf(rules))));
      return Outcome.ok(out);
    }

    // ---- helpers

    private static Outcome interleave(List<Outcome> outcomes, int want) {
      List<Candidate> out = new ArrayList<>();
      int longest = 0;
      for (Outcome outcome : outcomes) {
        longest = Math.max(longest, outcome.candidates().size());
      }
      for (int i = 0; i < longest && out.size() < Math.max(want, outcomes.size()); i++) {
        for (Outcome outcome : outcomes) {
          if (i < outcome.candidates().size()) {
            out.add(outcome.candidates().get(i));
          }
        }
      }
      return Outcome.ok(out);
    }

    private static ObjectNode withoutGiven(JsonNode s) {
      ObjectNode copy = ((ObjectNode) s).deepCopy();
      copy.remove(List.of("default", "examples", "example"));
      return copy;
    }
  }

  /** Whether a schema restricts values at all (annotations alone do not). */
  private static boolean constrains(JsonNode schema) {
    if (schema.isBoolean()) {
      return !schema.booleanValue();
    }
    Iterator<String> names = schema.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      boolean extension = name.startsWith("x-") && !name.equals(PATTERNS) && !name.equals(CONFLICT);
      if (!ANNOTATIONS.contains(name) && !extension) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAny(JsonNode s, String... keywords) {
    for (String keyword : keywords) {
      if (s.has(keyword)) {
        return true;
      }
    }
    return false;
  }

  /** A non-negative integer keyword, or null when absent or malformed. */
  private static Long count(JsonNode s, String keyword) {
    JsonNode value = s.get(keyword);
    if (value == null || !value.isNumber()) {
      return null;
    }
    BigDecimal d = value.decimalValue();
    if (d.signum() < 0) {
      return 0L;
    }
    return d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0
        ? Long.MAX_VALUE / 4
        : d.setScale(0, RoundingMode.CEILING).longValue();
  }

  static String child(String path, String name) {
    return name.matches("[A-Za-z_$][A-Za-z0-9_$]*")
        ? path + "." + name
        : path + "['" + name.replace("'", "\\'") + "']";
  }

  private static String percentDecode(String s) {
    if (!s.contains("%")) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && s.substring(i + 1, i + 3).matches("[0-9a-fA-F]{2}")) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
