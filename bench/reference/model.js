// The meeting as the events describe it: participants by uuid in arrival order, the speaking
// order, and the list's filtered and sorted index, recomputed only when something it filters
// or sorts by changed (the console's list does the same: a mute re-sorts nothing).

// The platform writes flags as "YES"/"NO" as often as booleans.
export const flag = (v) => v === true || v === "YES" || v === "yes" || v === "true";

// Fields the list filters or sorts by: a change to one of them recomputes the index.
const INDEXED = ["display_name", "overlay_text", "uri", "local_alias", "service_type", "role", "protocol", "start_time"];

export function shownName(p) {
  return [p.display_name, p.overlay_text, p.uri, p.uuid].find((s) => s && s.trim()) || "";
}

export class Meeting {
  constructor() {
    this.parts = new Map();
    this.syncing = null;
    this.stage = new Map();
    this.spotOrder = new Map();
    this.indexDirty = true;
    this.spotDirty = true;
    this.changed = new Set();
  }

  // Applies one event; returns whether anything the page shows may have changed.
  apply(name, data) {
    switch (name) {
      case "participant_sync_begin":
        this.syncing = new Map();
        return false;
      case "participant_sync_end":
        if (this.syncing) this.parts = this.syncing;
        this.syncing = null;
        this.indexDirty = this.spotDirty = true;
        return true;
      case "participant_create":
      case "participant_update":
        return this.upsert(JSON.parse(data));
      case "participant_delete": {
        const { uuid } = JSON.parse(data);
        const into = this.syncing || this.parts;
        if (!into.delete(uuid) || this.syncing) return false;
        this.indexDirty = this.spotDirty = true;
        return true;
      }
      case "stage":
        this.stage = new Map(JSON.parse(data).map((e) => [e.participant_uuid, e]));
        return true;
      default:
        return false;
    }
  }

  upsert(p) {
    if (!p || !p.uuid) return false;
    if (this.syncing) {
      this.syncing.set(p.uuid, p);
      return false;
    }
    const old = this.parts.get(p.uuid);
    const next = old ? Object.assign({}, old, p) : p;
    this.parts.set(p.uuid, next);
    this.changed.add(p.uuid);
    if (!old || INDEXED.some((k) => old[k] !== next[k])) this.indexDirty = true;
    if (!old || old.spotlight !== next.spotlight) this.spotDirty = true;
    return true;
  }

  // Each spotlit participant's place in the spotlight order (1 = the earliest).
  spotlights() {
    if (this.spotDirty) {
      const lit = [];
      for (const p of this.parts.values()) if (Number(p.spotlight) > 0) lit.push([Number(p.spotlight), p.uuid]);
      lit.sort((a, b) => a[0] - b[0]);
      this.spotOrder = new Map(lit.map(([, u], i) => [u, i + 1]));
      this.spotDirty = false;
    }
    return this.spotOrder;
  }

  // The uuids the list shows, in its order.
  visible(query, sort) {
    const q = query.trim().toLowerCase();
    const keys = [];
    let at = 0;
    for (const p of this.parts.values()) {
      const i = at++;
      if (q && ![p.display_name, p.uri, p.local_alias, p.overlay_text].some((f) => (f || "").toLowerCase().includes(q))) continue;
      const s = this.stage.get(p.uuid);
      keys.push({
        uuid: p.uuid, at: i, start: Number(p.start_time) || 0,
        speaking: s && s.vad > 0 ? 1 : 0, stageIndex: s ? s.stage_index : 4294967295,
        name: sort === "name" ? shownName(p).toLowerCase() : "",
      });
    }
    const byStart = (a, b) => a.start - b.start || a.at - b.at;
    if (sort === "name") keys.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.at - b.at));
    else if (sort === "speaking") keys.sort((a, b) => b.speaking - a.speaking || a.stageIndex - b.stageIndex || byStart(a, b));
    else keys.sort(byStart);
    return keys.map((k) => k.uuid);
  }
}
