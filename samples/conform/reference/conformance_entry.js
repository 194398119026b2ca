'use strict';
/**
 * Conform entry for the reference plugin: a Genkit app whose models are the deterministic
 * reference/* models (no key, no network). It stays alive while its reflection server runs.
 *
 *   jgenkit test-model --from-file model-conformance.yaml -- node conformance_entry.js
 */
require('../../reference/index.js');
