// Starts the console without an inline script, so the Content-Security-Policy can say
// `script-src 'self'`. Trunk writes the hashed file names into this script's tag
// (Trunk.toml, `pattern_script`). If the module cannot load, the page says so instead of
// staying blank.
const tag = document.querySelector("script[data-huikong-js]");
const status = document.getElementById("huikong-boot");

function fail(err) {
  if (status) {
    status.dataset.state = "failed";
    status.textContent =
      "会控无法启动：" + err + " / The console could not start: " + err;
  }
  console.error("huikong: start failed", err);
}

try {
  const bindings = await import(tag.dataset.huikongJs);
  const wasm = await bindings.default({ module_or_path: tag.dataset.huikongWasm });
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
} catch (err) {
  fail(err && err.message ? err.message : String(err));
}
