import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { ROOT, SRC, TAXONOMY } from './helpers/page.mjs';

const manifest = JSON.parse(readFileSync(join(SRC, 'manifest.json'), 'utf8'));

/** @returns {string[]} every file under dir, relative to it */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path).map((p) => join(name, p)) : [name];
  });
}

test('manifest is MV3 Vigie 0.1.0 with the permissions it needs and no more', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.name, 'Vigie');
  assert.equal(manifest.version, '0.1.0');
  // alarms: the outbox's retries outlive the worker (lib/outbox.js); pageCapture: the page's MHTML in each capture;
  // proxy: read (never set) for the capture's environment facts.
  assert.deepEqual(manifest.permissions, ['storage', 'alarms', 'pageCapture', 'proxy']);
  assert.deepEqual(manifest.host_permissions, ['<all_urls>']);
  assert.equal(manifest.background.service_worker, 'worker.js');
  assert.equal(manifest.background.type, 'module');
  assert.equal(manifest.options_ui.page, 'options.html');
  assert.equal(manifest.options_ui.open_in_tab, true);
  assert.ok(manifest.action.default_title);
  assert.ok(manifest.description.length <= 132, 'Chrome limits the description to 132 characters');
});

test('the key fixes the extension id the e2e tests use', () => {
  const der = Buffer.from(manifest.key, 'base64');
  const id = createHash('sha256').update(der).digest('hex').slice(0, 32)
    .replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
  assert.equal(id, 'edidkidbaobbdpdngaioniofhpehpfnc');
});

test('content scripts run on every http(s) page at document_idle, in dependency order, main last', () => {
  const [entry] = manifest.content_scripts;
  assert.equal(manifest.content_scripts.length, 1);
  assert.deepEqual(entry.matches, ['http://*/*', 'https://*/*']);
  assert.equal(entry.run_at, 'document_idle');
  const adapters = entry.js.filter((f) => f.startsWith('content/adapters/'));
  assert.deepEqual(entry.js, ['content/text.js', 'content/badge-style.js', 'content/badge-panel.js', 'content/badge.js', 'content/capture-state.js', 'content/reply.js', ...adapters,
    'content/pick.js', 'content/canary.js', 'content/changes.js', 'content/frame-writes.js', 'content/classify.js', 'content/draw.js', 'content/deleted.js', 'content/autocapture.js',
    'content/outline.js', 'content/evidence.js', 'content/response-view.js', 'content/responses.js', 'content/post-actions.js', 'content/core.js', 'content/main.js']);
});

test('every adapter file is listed once, x.js first and schema-org.js last, and every listed one exists', () => {
  const listed = manifest.content_scripts[0].js
    .filter((f) => f.startsWith('content/adapters/'))
    .map((f) => f.slice('content/adapters/'.length));
  const present = readdirSync(join(SRC, 'content', 'adapters')).filter((f) => f.endsWith('.js'));
  for (const file of present) assert.ok(listed.includes(file), `content/adapters/${file} is not in manifest.json`);
  for (const file of listed) assert.ok(present.includes(file), `manifest.json lists content/adapters/${file}, which does not exist`);
  assert.equal(new Set(listed).size, listed.length, 'an adapter is listed twice');
  assert.equal(listed[0], 'x.js');
  if (listed.includes('schema-org.js')) assert.equal(listed.at(-1), 'schema-org.js', 'the schema.org fallback comes last');
});

test('the toolbar button opens the popup; the worker no longer handles clicks on it', () => {
  assert.equal(manifest.action.default_popup, 'popup.html');
  assert.doesNotMatch(readFileSync(join(SRC, 'worker.js'), 'utf8'), /action\.onClicked/);
});

test('every file the manifest, the pages and the module imports name exists', () => {
  const named = [
    manifest.background.service_worker,
    manifest.options_ui.page,
    ...manifest.content_scripts.flatMap((c) => c.js),
    ...Object.values(manifest.icons),
    ...Object.values(manifest.action.default_icon),
    'shared/taxonomy.json',
  ];
  for (const page of [manifest.options_ui.page, manifest.action.default_popup]) {
    named.push(page);
    const html = readFileSync(join(SRC, page), 'utf8');
    for (const [, ref] of html.matchAll(/(?:src|href)="([^"]+)"/g)) named.push(ref);
  }
  for (const file of walk(SRC).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(SRC, file), 'utf8');
    for (const [, spec] of code.matchAll(/^import\s[^;]*?from\s+'(\.[^']+)'/gms)) {
      named.push(relative(SRC, join(SRC, dirname(file), spec)));
    }
  }
  for (const file of named) assert.ok(existsSync(join(SRC, file)), `${file} is missing from src/`);
});

test('src/ holds only runtime files Chrome accepts', () => {
  for (const file of walk(SRC)) {
    assert.ok(!file.split('/').some((part) => part.startsWith('_')), `${file}: Chrome refuses names starting with _`);
    assert.match(file, /\.(js|json|html|css|png)$/, `${file} is not a runtime file`);
  }
});

test('the packaged taxonomy is the shared one (copied by the build)', () => {
  const packaged = JSON.parse(readFileSync(join(SRC, 'shared', 'taxonomy.json'), 'utf8'));
  assert.deepEqual(packaged, TAXONOMY);
  assert.ok(existsSync(join(ROOT, 'pom.xml')));
});
