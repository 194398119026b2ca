'use strict';
/**
 * REFERENCE_FAULT: comma-separated fault switches for jgenkit's fault-injection suite. The
 * reference runtime behaves normally without it. See README.md, "Fault switches".
 */

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL/i;

/** Parses `exit-at-once,die-after:3,...`; throws on an unknown switch so a typo is not a silent no-op. */
function parse(raw) {
  const f = {
    exitAtOnce: false,
    noRuntimeFile: false,
    neverRegisterModels: false,
    ignoreSigterm: false,
    leakSecrets: false,
    dieAfter: 0,
  };
  for (const item of String(raw || '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, arg] = item.split(':', 2);
    switch (name) {
      case 'exit-at-once': f.exitAtOnce = true; break;
      case 'no-runtime-file': f.noRuntimeFile = true; break;
      case 'never-register-models': f.neverRegisterModels = true; break;
      case 'ignore-sigterm': f.ignoreSigterm = true; break;
      case 'leak-secrets': f.leakSecrets = true; break;
      case 'die-after': {
        const n = Number.parseInt(arg, 10);
        if (!Number.isFinite(n) || n < 1) throw new Error(`REFERENCE_FAULT: die-after needs a call count >= 1, got '${arg}'`);
        f.dieAfter = n;
        break;
      }
      default:
        throw new Error(`REFERENCE_FAULT: unknown switch '${name}' (known: exit-at-once, no-runtime-file, never-register-models, ignore-sigterm, leak-secrets, die-after:N)`);
    }
  }
  return f;
}

/**
 * What a careless app might log: every secret-looking variable with its value, an Authorization
 * header built from the first one, and a long base64 data URL.
 */
function leakLines(env) {
  const lines = [];
  const names = Object.keys(env).filter((n) => SECRET_NAME.test(n)).sort();
  for (const n of names) lines.push(`[jgenkit-reference] config ${n}=${env[n]}`);
  if (names.length > 0) lines.push(`[jgenkit-reference] calling upstream with Authorization: Bearer ${env[names[0]]}`);
  lines.push(`[jgenkit-reference] avatar data:image/png;base64,${'iVBORw0KGgo'.padEnd(400, 'A')}`);
  return lines;
}

module.exports = { parse, leakLines };
