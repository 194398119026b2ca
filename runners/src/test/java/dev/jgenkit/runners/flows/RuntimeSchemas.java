package dev.jgenkit.runners.flows;

/**
 * Input schemas as Genkit runtimes report them in {@code /api/actions}.
 *
 * <p>JS: printed by Genkit JS 1.42.0 ({@code toJsonSchema} from {@code @genkit-ai/core/schema},
 * which runs zod-to-json-schema with {@code removeAdditionalStrategy: "strict"}: draft-07, {@code
 * additionalProperties: true} unless {@code .strict()}, {@code anyOf [{not: {}}, ...]} for a
 * top-level {@code .optional()}). Python: pydantic 2.13 {@code TypeAdapter(t).json_schema()}, as
 * Genkit Python's {@code to_json_schema} does. Go: invopop/jsonschema output in its default
 * (referencing) style and in the expanded style Genkit Go uses.
 */
final class RuntimeSchemas {
  private RuntimeSchemas() {}

  // ---- Genkit JS 1.42 (zod)

  /** {@code z.string()} */
  static final String JS_STRING =
      """
      {"type":"string","$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /**
   * {@code z.object({name: z.string().default('World'), mood: z.enum(['happy','sad']), stars:
   * z.number().min(1).max(5), count: z.number().int().positive(), nick: z.string().optional(),
   * note: z.string().nullable(), address: z.object({street: z.string().min(3), zip:
   * z.string().regex(/^\d{5}$/)}), tags: z.array(z.string()).min(2), either: z.union([z.string(),
   * z.number()]), email: z.string().email(), id: z.string().uuid(), when: z.string().datetime(),
   * url: z.string().url(), lit: z.literal('fixed'), rec: z.record(z.string(), z.number()), desc:
   * z.string().describe('A described field')})}
   */
  static final String JS_KITCHEN_SINK =
      """
      {"type":"object","properties":{"name":{"type":"string","default":"World"},"mood":{"type":"string","enum":["happy","sad"]},"stars":{"type":"number","minimum":1,"maximum":5},"count":{"type":"integer","exclusiveMinimum":0},"nick":{"type":"string"},"note":{"type":["string","null"]},"address":{"type":"object","properties":{"street":{"type":"string","minLength":3},"zip":{"type":"string","pattern":"^\\\\d{5}$"}},"required":["street","zip"],"additionalProperties":true},"tags":{"type":"array","items":{"type":"string"},"minItems":2},"either":{"type":["string","number"]},"email":{"type":"string","format":"email"},"id":{"type":"string","format":"uuid"},"when":{"type":"string","format":"date-time"},"url":{"type":"string","format":"uri"},"lit":{"type":"string","const":"fixed"},"rec":{"type":"object","additionalProperties":{"type":"number"}},"desc":{"type":"string","description":"A described field"}},"required":["mood","stars","count","note","address","tags","either","email","id","when","url","lit","rec","desc"],"additionalProperties":true,"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /**
   * {@code z.object({theme: z.string().default('pirate'), course:
   * z.enum(['starter','main','dessert']), servings: z.number().min(1).max(5), vegetarian:
   * z.boolean().optional(), notes: z.string().nullable()}).strict()}
   */
  static final String JS_MENU_STRICT =
      """
      {"type":"object","properties":{"theme":{"type":"string","default":"pirate"},"course":{"type":"string","enum":["starter","main","dessert"]},"servings":{"type":"number","minimum":1,"maximum":5},"vegetarian":{"type":"boolean"},"notes":{"type":["string","null"]}},"required":["course","servings","notes"],"additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /**
   * {@code z.object({customer: z.object({name: z.string().min(2), email:
   * z.string().email()}).strict(), items: z.array(z.object({sku:
   * z.string().regex(/^[A-Z]{3}-\d{4}$/), qty:
   * z.number().int().positive()}).strict()).min(1).max(10), coupon:
   * z.string().length(8).optional(), placedAt: z.string().datetime()}).strict()}
   */
  static final String JS_ORDER =
      """
      {"type":"object","properties":{"customer":{"type":"object","properties":{"name":{"type":"string","minLength":2},"email":{"type":"string","format":"email"}},"required":["name","email"],"additionalProperties":false},"items":{"type":"array","items":{"type":"object","properties":{"sku":{"type":"string","pattern":"^[A-Z]{3}-\\\\d{4}$"},"qty":{"type":"integer","exclusiveMinimum":0}},"required":["sku","qty"],"additionalProperties":false},"minItems":1,"maxItems":10},"coupon":{"type":"string","minLength":8,"maxLength":8},"placedAt":{"type":"string","format":"date-time"}},"required":["customer","items","placedAt"],"additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /**
   * {@code z.discriminatedUnion('kind', [z.object({kind: z.literal('a'), a: z.string()}),
   * z.object({kind: z.literal('b'), b: z.number()})])}
   */
  static final String JS_DISCRIMINATED_UNION =
      """
      {"anyOf":[{"type":"object","properties":{"kind":{"type":"string","const":"a"},"a":{"type":"string"}},"required":["kind","a"],"additionalProperties":true},{"type":"object","properties":{"kind":{"type":"string","const":"b"},"b":{"type":"number"}},"required":["kind","b"],"additionalProperties":true}],"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /**
   * {@code z.union([z.object({card: z.string().regex(/^\d{16}$/)}).strict(), z.object({iban:
   * z.string()}).strict()])}
   */
  static final String JS_PAYMENT_UNION =
      """
      {"anyOf":[{"type":"object","properties":{"card":{"type":"string","pattern":"^\\\\d{16}$"}},"required":["card"],"additionalProperties":false},{"type":"object","properties":{"iban":{"type":"string"}},"required":["iban"],"additionalProperties":false}],"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.object({x: z.string()}).nullable()} */
  static final String JS_NULLABLE_OBJECT =
      """
      {"anyOf":[{"type":"object","properties":{"x":{"type":"string"}},"required":["x"],"additionalProperties":true},{"type":"null"}],"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.number().optional()} */
  static final String JS_OPTIONAL_NUMBER =
      """
      {"anyOf":[{"not":{}},{"type":"number"}],"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.tuple([z.string(), z.number()])} */
  static final String JS_TUPLE =
      """
      {"type":"array","minItems":2,"maxItems":2,"items":[{"type":"string"},{"type":"number"}],"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.intersection(z.object({a: z.string()}), z.object({b: z.number()}))} */
  static final String JS_INTERSECTION =
      """
      {"allOf":[{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":true},{"type":"object","properties":{"b":{"type":"number"}},"required":["b"],"additionalProperties":true}],"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /**
   * {@code z.object({items: z.array(z.object({q: z.string(), n:
   * z.number().int().min(0).max(10).default(3)})).max(3)})}
   */
  static final String JS_NESTED_ARRAY =
      """
      {"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{"q":{"type":"string"},"n":{"type":"integer","minimum":0,"maximum":10,"default":3}},"required":["q"],"additionalProperties":true},"maxItems":3}},"required":["items"],"additionalProperties":true,"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.string().startsWith('ab').endsWith('yz').includes('m')} */
  static final String JS_STARTS_ENDS_INCLUDES =
      """
      {"type":"string","allOf":[{"pattern":"^ab"},{"pattern":"yz$"},{"pattern":"m"}],"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.set(z.string()).min(3)} */
  static final String JS_SET =
      """
      {"type":"array","uniqueItems":true,"items":{"type":"string"},"minItems":3,"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /**
   * {@code z.object({pct: z.number().gt(0).lt(1), step: z.number().int().multipleOf(5).gte(12),
   * neg: z.number().negative()}).strict()}
   */
  static final String JS_NUMBERS =
      """
      {"type":"object","properties":{"pct":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},"step":{"type":"integer","multipleOf":5,"minimum":12},"neg":{"type":"number","exclusiveMaximum":0}},"required":["pct","step","neg"],"additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.object({cuid: z.string().cuid(), ulid: z.string().ulid()})} */
  static final String JS_IDS =
      """
      {"type":"object","properties":{"cuid":{"type":"string","pattern":"^[cC][^\\\\s-]{8,}$"},"ulid":{"type":"string","pattern":"^[0-9A-HJKMNP-TV-Z]{26}$"}},"required":["cuid","ulid"],"additionalProperties":true,"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.string().emoji()}: a unicode-property pattern. */
  static final String JS_EMOJI =
      """
      {"type":"object","properties":{"emoji":{"type":"string","pattern":"^(\\\\p{Extended_Pictographic}|\\\\p{Emoji_Component})+$"}},"required":["emoji"],"additionalProperties":true,"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.lazy(() => z.object({v: z.number(), next: Node.optional()}))} */
  static final String JS_LAZY_OPTIONAL =
      """
      {"type":"object","properties":{"v":{"type":"number"},"next":{"$ref":"#"}},"required":["v"],"additionalProperties":true,"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.lazy(() => z.object({name: z.string(), parent: Chain}))}: infinitely deep. */
  static final String JS_LAZY_REQUIRED =
      """
      {"type":"object","properties":{"name":{"type":"string"},"parent":{"$ref":"#"}},"required":["name","parent"],"additionalProperties":true,"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.never()} */
  static final String JS_NEVER =
      """
      {"not":{},"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  /** {@code z.any()}, {@code z.unknown()} and {@code z.void()} all look like this. */
  static final String JS_ANY =
      """
      {"$schema":"http://json-schema.org/draft-07/schema#"}
      """;

  // ---- Genkit Python (pydantic 2)

  /**
   * {@code class SayHiInput(BaseModel): name: str = Field(default='Mittens', description='Name to
   * greet')}
   */
  static final String PY_SAY_HI =
      """
      {"properties": {"name": {"default": "Mittens", "description": "Name to greet", "title": "Name", "type": "string"}}, "title": "SayHiInput", "type": "object"}
      """;

  /**
   * A model with $defs, an enum by $ref, Optional fields defaulting to None, formats and a pattern.
   */
  static final String PY_STORY =
      """
      {"$defs": {"Address": {"properties": {"street": {"minLength": 3, "title": "Street", "type": "string"}, "city": {"default": "Paris", "title": "City", "type": "string"}}, "required": ["street"], "title": "Address", "type": "object"}, "Color": {"enum": ["red", "green"], "title": "Color", "type": "string"}}, "properties": {"topic": {"title": "Topic", "type": "string"}, "length": {"maximum": 500, "minimum": 50, "title": "Length", "type": "integer"}, "color": {"$ref": "#/$defs/Color"}, "tone": {"default": "casual", "enum": ["formal", "casual"], "title": "Tone", "type": "string"}, "address": {"$ref": "#/$defs/Address"}, "nickname": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null, "title": "Nickname"}, "tags": {"items": {"type": "string"}, "maxItems": 3, "minItems": 1, "title": "Tags", "type": "array"}, "when": {"format": "date-time", "title": "When", "type": "string"}, "day": {"format": "date", "title": "Day", "type": "string"}, "id": {"format": "uuid", "title": "Id", "type": "string"}, "score": {"exclusiveMaximum": 1, "exclusiveMinimum": 0, "title": "Score", "type": "number"}, "code": {"pattern": "^[A-Z]{3}-\\\\d{4}$", "title": "Code", "type": "string"}, "maybe_addr": {"anyOf": [{"$ref": "#/$defs/Address"}, {"type": "null"}], "default": null}, "either": {"anyOf": [{"type": "integer"}, {"type": "string"}], "title": "Either"}}, "required": ["topic", "length", "color", "address", "tags", "when", "day", "id", "score", "code", "either"], "title": "Story", "type": "object"}
      """;

  /** Examples, a Literal with a default, an enum by $ref with a default, a bounded default. */
  static final String PY_WEATHER =
      """
      {"$defs": {"Color": {"enum": ["red", "green"], "title": "Color", "type": "string"}}, "properties": {"location": {"description": "City", "examples": ["Paris, France"], "title": "Location", "type": "string"}, "unit": {"default": "C", "enum": ["C", "F"], "title": "Unit", "type": "string"}, "color": {"$ref": "#/$defs/Color", "default": "green"}, "days": {"default": 3, "maximum": 7, "minimum": 1, "title": "Days", "type": "integer"}}, "required": ["location"], "title": "Weather", "type": "object"}
      """;

  /** A discriminated union (oneOf of $refs), a set (uniqueItems), a multipleOf float. */
  static final String PY_OWNER =
      """
      {"$defs": {"Dog": {"properties": {"kind": {"const": "dog", "title": "Kind", "type": "string"}, "bark": {"title": "Bark", "type": "boolean"}}, "required": ["kind", "bark"], "title": "Dog", "type": "object"}, "Pet": {"properties": {"kind": {"const": "cat", "title": "Kind", "type": "string"}, "name": {"title": "Name", "type": "string"}}, "required": ["kind", "name"], "title": "Pet", "type": "object"}}, "properties": {"pet": {"discriminator": {"mapping": {"cat": "#/$defs/Pet", "dog": "#/$defs/Dog"}, "propertyName": "kind"}, "oneOf": [{"$ref": "#/$defs/Pet"}, {"$ref": "#/$defs/Dog"}], "title": "Pet"}, "tags": {"items": {"type": "string"}, "minItems": 2, "title": "Tags", "type": "array", "uniqueItems": true}, "ratio": {"exclusiveMinimum": 0.3, "multipleOf": 0.25, "title": "Ratio", "type": "number"}}, "required": ["pet", "tags", "ratio"], "title": "Owner", "type": "object"}
      """;

  /** A self-referencing model whose recursion is optional (default [] and None). */
  static final String PY_NODE =
      """
      {"$defs": {"Node": {"properties": {"value": {"title": "Value", "type": "integer"}, "children": {"default": [], "items": {"$ref": "#/$defs/Node"}, "title": "Children", "type": "array"}, "parent": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}], "default": null}}, "required": ["value"], "title": "Node", "type": "object"}}, "$ref": "#/$defs/Node"}
      """;

  /** A self-referencing model whose recursion is required: no finite instance exists. */
  static final String PY_BAD =
      """
      {"$defs": {"Bad": {"properties": {"value": {"title": "Value", "type": "integer"}, "next": {"$ref": "#/$defs/Bad"}}, "required": ["value", "next"], "title": "Bad", "type": "object"}}, "$ref": "#/$defs/Bad"}
      """;

  /** {@code Optional[str]} */
  static final String PY_OPTIONAL_STR =
      """
      {"anyOf": [{"type": "string"}, {"type": "null"}]}
      """;

  /** {@code list[Address]} */
  static final String PY_LIST_OF_MODELS =
      """
      {"$defs": {"Address": {"properties": {"street": {"minLength": 3, "title": "Street", "type": "string"}, "city": {"default": "Paris", "title": "City", "type": "string"}}, "required": ["street"], "title": "Address", "type": "object"}}, "items": {"$ref": "#/$defs/Address"}, "type": "array"}
      """;

  // ---- Genkit Go (invopop/jsonschema)

  /** The referencing style: the root is a $ref into $defs, structs are closed. */
  static final String GO_MENU_REQUEST =
      """
      {"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"#/$defs/MenuRequest","$defs":{"MenuRequest":{"properties":{"theme":{"type":"string","default":"pirate"},"servings":{"type":"integer","maximum":5,"minimum":1},"restrictions":{"items":{"type":"string","enum":["vegan","gluten-free"]},"type":"array"},"when":{"type":"string","format":"date-time"},"address":{"$ref":"#/$defs/Address"}},"additionalProperties":false,"type":"object","required":["theme","servings","restrictions","when","address"]},"Address":{"properties":{"street":{"type":"string"},"zip":{"type":"string","pattern":"^[0-9]{5}$"}},"additionalProperties":false,"type":"object","required":["street","zip"]}}}
      """;

  /** The expanded style (no references), as Genkit Go infers schemas for flow inputs. */
  static final String GO_EXPANDED =
      """
      {"additionalProperties":false,"properties":{"name":{"type":"string"},"count":{"type":"integer"},"labels":{"additionalProperties":{"type":"string"},"type":"object"},"ratio":{"type":"number"}},"required":["name","count","labels","ratio"],"type":"object"}
      """;

  /** A recursive struct: {@code type Node struct { Value int; Children []*Node }}. */
  static final String GO_TREE =
      """
      {"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"#/$defs/Node","$defs":{"Node":{"properties":{"value":{"type":"integer"},"children":{"items":{"$ref":"#/$defs/Node"},"type":"array"}},"additionalProperties":false,"type":"object","required":["value","children"]}}}
      """;

  /** A plain {@code string} input. */
  static final String GO_STRING =
      """
      {"type":"string"}
      """;
}
