// The reference page's glue: the join form, the event stream into the meeting, and one
// render a frame of whatever changed.

import { STRINGS, fmt } from "./strings.js";
import { join } from "./api.js";
import { Meeting } from "./model.js";
import { VirtualList } from "./list.js";

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const params = new URLSearchParams(location.search);
let lang = params.get("lang") === "en" ? "en" : "zh";
const meeting = new Meeting();
let session = null;
let list = null;
let query = "";
let sort = "join";
let all = true;
let frame = 0;

function labels() {
  const t = STRINGS[lang];
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = t.title;
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t[e.dataset.t];
  $("participant-search").placeholder = t.search;
}

// Asks for one render in the next frame; `everything` also patches every rendered row.
function schedule(everything) {
  all = all || everything;
  if (!frame) frame = requestAnimationFrame(render);
}

let visible = [];
function render() {
  frame = 0;
  if (!list) return;
  const t = STRINGS[lang];
  let dirty = all ? true : meeting.changed;
  if (meeting.indexDirty) {
    visible = meeting.visible(query, sort);
    meeting.indexDirty = false;
  }
  const ctx = { t, me: session.me, spots: meeting.spotlights(), stage: meeting.stage, now: Date.now() / 1000, parts: meeting.parts };
  if (list.render(visible, ctx, dirty)) list.render(visible, ctx, true);
  meeting.changed = new Set();
  all = false;
  const count = $("participant-count");
  const text = fmt(t.shownOf, { shown: visible.length, total: meeting.parts.size });
  if (count.textContent !== text) count.textContent = text;
  $("no-participants").hidden = visible.length > 0;
}

function onEvent(name, data) {
  let shown;
  try {
    shown = meeting.apply(name, data);
  } catch (e) {
    console.warn(`skipped a malformed ${name}:`, e.message);
    return;
  }
  if (name === "participant_sync_end") performance.mark("huikong-sync-end");
  if (name === "stage" && sort === "speaking") meeting.indexDirty = true;
  if (shown) schedule(name === "stage" || name === "participant_sync_end");
}

async function onJoin(ev) {
  ev.preventDefault();
  const status = $("join-status");
  status.textContent = "";
  try {
    session = await join($("join-server").value || location.origin, $("join-conference").value, $("join-pin").value, $("join-name").value);
  } catch (e) {
    status.textContent = e.message;
    return;
  }
  $("join-form").hidden = true;
  $("meeting").hidden = false;
  list = new VirtualList($("participant-viewport"), $("participant-spacer"), $("participant-list"), (uuid, verb) => session.command(uuid, verb));
  const vp = $("participant-viewport");
  vp.addEventListener("scroll", () => {
    list.top = vp.scrollTop;
    schedule(false);
  });
  window.addEventListener("resize", () => {
    list.height = window.innerHeight;
    schedule(false);
  });
  // Time in the meeting is shown in whole minutes: a look every 30 s is enough.
  setInterval(() => schedule(true), 30000);
  session.stream(onEvent, (s) => $("connection-state").setAttribute("data-state", s));
}

$("join-server").value = location.origin;
$("join-form").addEventListener("submit", onJoin);
$("participant-search").addEventListener("input", (e) => {
  query = e.target.value;
  meeting.indexDirty = true;
  schedule(false);
});
$("sort-by").addEventListener("change", (e) => {
  sort = e.target.value;
  meeting.indexDirty = true;
  schedule(false);
});
$("lang-switch").value = lang;
$("lang-switch").addEventListener("change", (e) => {
  lang = e.target.value === "en" ? "en" : "zh";
  labels();
  schedule(true);
});
labels();
