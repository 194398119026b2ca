'use strict';
/**
 * Conform entry for the demo-cloud plugin (a local stand-in for a hosted provider): it refuses to
 * start without JGENKIT_DEMO_API_KEY, which conform.toml lists, so without it the plugin is
 * SKIPPED before anything starts.
 */
require('../../provider-needs-key/index.js');
