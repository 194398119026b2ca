package dev.jgenkit.runners.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.specs.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One test to run, in plan order: a model-conformance test against one model, or one flow of a
 * sample app. For sample flows, {@code model} is the sample's name, {@code modelKey} the flow's
 * action key ({@code /flow/<name>}) and {@code name} the flow's name.
 *
 * @param index position in the whole plan (0-based); results are reported in this order
 * @param suiteIndex position of the suite in the spec file (0-based)
 * @param model the model as written in the spec
 * @param modelKey the action key ({@code /model/...})
 * @param name the display name
 * @param capability the built-in capability, empty for custom tests
 * @param input the action input: a GenerateRequest for model tests, any JSON value for flows
 * @param validators {@code name[:arg]} strings
 * @param stream whether to call with {@code ?stream=true}
 * @param skipReason present when the test is planned but not run (verdict SKIP)
 * @param declaredUnsupported present when model metadata declares the capability unsupported but the
 *     spec asks for it anyway: the text says what the metadata declares
 * @param location where the test (or its suite, for built-ins) is written
 * @param kind a model-conformance test or a sample flow
 * @param phase for sample flows: the plan phase of the sample
 * @param outputSchema for sample flows: the flow's output JSON Schema, checked on PASS
 * @param runtime the name of the runtime it runs on in a multi-runtime run ({@code ""} for the one
 *     runtime of a plain run); see {@link dev.jgenkit.runners.results.RunResult#runtimes}
 */
public record PlannedTest(
    int index,
    int suiteIndex,
    String model,
    String modelKey,
    String name,
    Optional<String> capability,
    JsonNode input,
    List<String> validators,
    boolean stream,
    Optional<String> skipReason,
    Optional<String> declaredUnsupported,
    Location location,
    Kind kind,
    java.util.OptionalInt phase,
    Optional<JsonNode> outputSchema,
    String runtime) {
  /** What a planned test exercises. */
  public enum Kind {
    /** A model-conformance test ({@code test-model}): built-in or custom. */
    MODEL_TEST,
    /** One flow of a sample app ({@code sample-flows}). */
    SAMPLE_FLOW
  }

  /** A model-conformance test. */
  public PlannedTest(
      int index,
      int suiteIndex,
      String model,
      String modelKey,
      String name,
      Optional<String> capability,
      JsonNode input,
      List<String> validators,
      boolean stream,
      Optional<String> skipReason,
      Optional<String> declaredUnsupported,
      Location location) {
    this(index, suiteIndex, model, modelKey, name, capability, input, validators, stream, skipReason,
        declaredUnsupported, location, Kind.MODEL_TEST, java.util.OptionalInt.empty(), Optional.empty());
  }

  /** A test on the one runtime of a plain run. */
  public PlannedTest(
      int index,
      int suiteIndex,
      String model,
      String modelKey,
      String name,
      Optional<String> capability,
      JsonNode input,
      List<String> validators,
      boolean stream,
      Optional<String> skipReason,
      Optional<String> declaredUnsupported,
      Location location,
      Kind kind,
      java.util.OptionalInt phase,
      Optional<JsonNode> outputSchema) {
    this(index, suiteIndex, model, modelKey, name, capability, input, validators, stream, skipReason,
        declaredUnsupported, location, kind, phase, outputSchema, "");
  }

  public PlannedTest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(modelKey, "modelKey");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(input, "input");
    validators = List.copyOf(validators);
    Objects.requireNonNull(skipReason, "skipReason");
    Objects.requireNonNull(declaredUnsupported, "declaredUnsupported");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(outputSchema, "outputSchema");
    Objects.requireNonNull(runtime, "runtime");
  }

  /** The same test at another place in a run (merged or concatenated runs). */
  public PlannedTest withPosition(int newIndex, int newSuiteIndex) {
    return new PlannedTest(newIndex, newSuiteIndex, model, modelKey, name, capability, input,
        validators, stream, skipReason, declaredUnsupported, location, kind, phase, outputSchema,
        runtime);
  }

  /** The same test on the runtime named {@code runtimeName} (multi-runtime runs). */
  public PlannedTest onRuntime(String runtimeName) {
    return new PlannedTest(index, suiteIndex, model, modelKey, name, capability, input, validators,
        stream, skipReason, declaredUnsupported, location, kind, phase, outputSchema, runtimeName);
  }

  public boolean builtIn() {
    return capability.isPresent();
  }
}
