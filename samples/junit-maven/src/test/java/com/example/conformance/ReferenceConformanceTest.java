package com.example.conformance;

import dev.jgenkit.junit.JGenkitSpec;

/**
 * The reference runtime's conformance spec as a test class: Surefire selects the class, the
 * {@code jgenkit} engine runs the spec's 14 tests (12 built-in capabilities, 2 custom tests) against
 * the runtime configured in the pom, each reported as a test of its own.
 */
@JGenkitSpec("../reference/specs/good.yaml")
class ReferenceConformanceTest {}
