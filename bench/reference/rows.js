// One participant's row, built once and patched in place: the same facts as the console's row
// (name, you, role, protocol, address; state, muted, presenting, spotlight place, speaking,
// presentation blocked, time in the meeting; media; mute, spotlight and more-actions buttons).

import { fmt } from "./strings.js";
import { flag, shownName } from "./model.js";

const el = (tag, cls, testid) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (testid) e.dataset.testid = testid;
  return e;
};

function setText(e, text) {
  if (e.textContent !== text) e.textContent = text;
}

function setAttr(e, name, value) {
  if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}

export function coarseElapsed(t, seconds) {
  const m = seconds > 0 && Number.isFinite(seconds) ? Math.floor(seconds / 60) : 0;
  if (m === 0) return t.lessThanMinute;
  if (m < 60) return fmt(t.minutes, { n: m });
  return fmt(t.hoursMinutes, { h: Math.floor(m / 60), m: m % 60 });
}

function stateText(t, s) {
  return { connecting: t.stateConnecting, waiting_room: t.stateWaiting, ivr: t.stateIvr, gateway: t.stateGateway }[s];
}

export function buildRow(uuid, onCommand) {
  const li = el("li", "row", "participant-row");
  li.dataset.uuid = uuid;
  li.tabIndex = -1;
  const who = el("div", "cell who");
  const parts = {
    name: el("span", "pname", "participant-name"), you: el("span", "you"), role: el("span", "badge role"),
    proto: el("span", "proto", "participant-protocol"), uri: el("span", "uri"),
    state: el("span", "badge warn"), muted: el("span", "badge"), presenting: el("span", "badge info"),
    spot: el("span", "badge info", "spotlight-order"), speaking: el("span", "badge speak", "speaking"),
    rx: el("span", "badge"), elapsed: el("span", "elapsed"), media: el("div", "cell media"),
    mute: el("button", "small", "mute-toggle"), spotBtn: el("button", "small", "spotlight-toggle"),
    more: el("button", "small", "more-actions"),
  };
  who.append(parts.name, parts.you, parts.role, parts.proto, parts.uri);
  const state = el("div", "cell state");
  state.append(parts.state, parts.muted, parts.presenting, parts.spot, parts.speaking, parts.rx, parts.elapsed);
  const actions = el("div", "cell row-actions");
  parts.more.textContent = "⋯";
  parts.more.setAttribute("aria-haspopup", "dialog");
  for (const b of [parts.mute, parts.spotBtn, parts.more]) b.type = "button";
  actions.append(parts.mute, parts.spotBtn, parts.more);
  parts.mute.addEventListener("click", () => onCommand(uuid, li.dataset.muted === "true" ? "unmute" : "mute"));
  parts.spotBtn.addEventListener("click", () => onCommand(uuid, li.dataset.spotlight === "true" ? "spotlightoff" : "spotlighton"));
  li.append(who, state, parts.media, actions);
  li._parts = parts;
  return li;
}

// Brings a row up to date with its participant; only what differs touches the DOM.
export function patchRow(li, p, ctx) {
  const { t, me, spots, stage, now, place, size } = ctx;
  const x = li._parts;
  const name = shownName(p);
  const muted = flag(p.is_muted);
  const spotlit = Number(p.spotlight) > 0;
  setAttr(li, "aria-posinset", String(place));
  setAttr(li, "aria-setsize", String(size));
  setAttr(li, "data-muted", String(muted));
  setAttr(li, "data-spotlight", String(spotlit));
  setAttr(li, "data-role", p.role === "chair" ? "chair" : "guest");
  setAttr(li, "data-service-type", p.service_type || "");
  const s = stage.get(p.uuid);
  li.classList.toggle("speaking", !!(s && s.vad > 0));
  li.classList.toggle("me", p.uuid === me);
  setText(x.name, name);
  x.you.hidden = p.uuid !== me;
  setText(x.you, t.you);
  setText(x.role, p.role === "chair" ? t.roleHost : t.roleGuest);
  setText(x.proto, p.protocol || "");
  setText(x.uri, p.uri || "");
  const st = stateText(t, p.service_type);
  x.state.hidden = !st;
  setText(x.state, st || "");
  x.muted.hidden = !muted;
  setText(x.muted, t.muted);
  x.presenting.hidden = !flag(p.is_presenting);
  setText(x.presenting, t.presenting);
  const place_ = spots.get(p.uuid);
  x.spot.hidden = !place_;
  setText(x.spot, place_ ? fmt(t.spotlight, { n: place_ }) : "");
  x.speaking.hidden = !(s && s.vad > 0);
  setText(x.speaking, t.speaking);
  x.rx.hidden = (p.rx_presentation_policy || "ALLOW") === "ALLOW";
  setText(x.rx, t.rxDenied);
  const start = Number(p.start_time) || 0;
  setText(x.elapsed, start > 0 ? fmt(t.inMeetingFor, { t: coarseElapsed(t, now - start) }) : "");
  setText(x.media, !flag(p.has_media) ? t.noMedia : flag(p.is_audio_only_call) ? t.audioOnly : t.video);
  setText(x.mute, muted ? t.unmute : t.mute);
  setAttr(x.mute, "aria-pressed", String(muted));
  setAttr(x.mute, "aria-label", fmt(muted ? t.unmuteX : t.muteX, { name }));
  setText(x.spotBtn, spotlit ? t.unspotlight : t.spotlightShort);
  setAttr(x.spotBtn, "aria-pressed", String(spotlit));
  setAttr(x.spotBtn, "aria-label", fmt(spotlit ? t.unspotlightX : t.spotlightX, { name }));
  setAttr(x.more, "aria-label", fmt(t.actionsX, { name }));
}
