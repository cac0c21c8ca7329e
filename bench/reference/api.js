// Joining and the event stream, as the console does them: checkJoin at the API server,
// new_session at the node it names with the PIN in a header, the token refreshed before it
// lapses, and `events` read with fetch (the token in its header) and parsed as server-sent
// events. Nothing secret goes into a URL.

export async function join(server, conference, pin, name) {
  const base = server.replace(/\/+$/, "");
  const check = await fetch(`${base}/api/v3/meet/checkJoin.shtml`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ joinAccount: conference.trim(), joinPwd: pin, participantName: name.trim() }),
  }).then((r) => r.json());
  if (check.code !== "200" || !check.results) throw new Error(check.msg || `checkJoin ${check.code}`);
  const r = check.results;
  const room = [r.alias, r.sipkey, conference].map((s) => (s || "").trim()).find((s) => s) || "";
  const host = (r.mcuHost || "").trim().replace(/\/+$/, "");
  const origin = host.includes("://") ? host : `${new URL(base).protocol}//${host}`;
  const services = `${origin}/api/services/${encodeURIComponent(room)}/`;
  const headers = { "Content-Type": "application/json" };
  if (pin) headers.pin = pin;
  const granted = await fetch(`${services}new_session`, {
    method: "POST", headers, body: JSON.stringify({ display_name: name.trim(), hideme: "no" }),
  }).then((r) => r.json());
  if (granted.status !== "success") throw new Error(`new_session: ${JSON.stringify(granted.result)}`);
  return new Session(services, granted.result);
}

export class Session {
  constructor(base, result) {
    this.base = base;
    this.token = result.token;
    this.me = result.participant_uuid;
    this.scheduleRefresh(Number(result.expires) || 120);
  }

  // A third of the lifetime, as the console refreshes.
  scheduleRefresh(expires) {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), (expires * 1000) / 3);
  }

  async refresh() {
    try {
      const r = await this.post("refresh_session");
      if (r.status === "success") {
        this.token = r.result.token;
        this.scheduleRefresh(Number(r.result.expires) || 120);
        return;
      }
    } catch (_) { /* retried below */ }
    this.refreshTimer = setTimeout(() => this.refresh(), 1000);
  }

  async post(path, body) {
    const res = await fetch(this.base + path, {
      method: "POST",
      headers: { token: this.token, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  }

  command(uuid, verb) {
    return this.post(`participants/${encodeURIComponent(uuid)}/${verb}`);
  }

  // Reads the stream until it ends, calling `onEvent(name, data)` per event; reconnects after
  // a second, saying so through `onState` ("connecting", "live").
  async stream(onEvent, onState) {
    for (;;) {
      onState("connecting");
      try {
        const res = await fetch(this.base + "events", {
          headers: { token: this.token, Accept: "text/event-stream" },
        });
        if (!res.ok) throw new Error(`events: HTTP ${res.status}`);
        onState("live");
        await readEvents(res.body, onEvent);
      } catch (e) {
        console.warn("event stream:", e.message);
      }
      await new Promise((f) => setTimeout(f, 1000));
    }
  }
}

// The server-sent events parser: lines, `event:` and `data:` fields, a blank line dispatches.
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  let name = "message";
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    pending += value;
    let nl;
    while ((nl = pending.indexOf("\n")) >= 0) {
      let line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (line === "") {
        if (data.length) onEvent(name, data.join("\n"));
        name = "message";
        data = [];
      } else if (line.startsWith(":")) {
        continue;
      } else {
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let v = colon < 0 ? "" : line.slice(colon + 1);
        if (v.startsWith(" ")) v = v.slice(1);
        if (field === "event") name = v;
        else if (field === "data") data.push(v);
      }
    }
  }
}
