//! The `text/event-stream` wire format: an incremental parser (for replaying captures and for
//! tests that read a live stream) and the writer of one event.

/// One event as it arrived: `id:`, `event:` (default `message`) and the joined `data:` lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SseFrame {
    pub id: Option<String>,
    pub event: String,
    pub data: String,
}

/// Parses a stream fed in arbitrary pieces, as the HTML standard's EventSource does: comments
/// are skipped, a blank line dispatches, an event with no data is dropped.
#[derive(Debug, Default)]
pub struct SseParser {
    line: String,
    event: String,
    data: Vec<String>,
    has_data: bool,
    id: Option<String>,
    last_was_cr: bool,
    /// Whether any character has been read, so that a leading byte-order mark is skipped once.
    started: bool,
}

impl SseParser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds a piece of the stream; returns the events it completed.
    pub fn feed(&mut self, chunk: &str) -> Vec<SseFrame> {
        let mut out = Vec::new();
        for c in chunk.chars() {
            if !std::mem::replace(&mut self.started, true) && c == '\u{feff}' {
                continue;
            }
            match c {
                '\n' if self.last_was_cr => {
                    self.last_was_cr = false;
                }
                '\r' | '\n' => {
                    self.last_was_cr = c == '\r';
                    let line = std::mem::take(&mut self.line);
                    if let Some(frame) = self.line_done(&line) {
                        out.push(frame);
                    }
                }
                _ => {
                    self.last_was_cr = false;
                    self.line.push(c);
                }
            }
        }
        out
    }

    fn line_done(&mut self, line: &str) -> Option<SseFrame> {
        if line.is_empty() {
            let event = std::mem::take(&mut self.event);
            let data = std::mem::take(&mut self.data);
            if !std::mem::take(&mut self.has_data) {
                return None;
            }
            return Some(SseFrame {
                id: self.id.clone(),
                event: if event.is_empty() {
                    "message".into()
                } else {
                    event
                },
                data: data.join("\n"),
            });
        }
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = match line.find(':') {
            Some(i) => {
                let v = &line[i + 1..];
                (&line[..i], v.strip_prefix(' ').unwrap_or(v))
            }
            None => (line, ""),
        };
        match field {
            "event" => self.event = value.to_owned(),
            "data" => {
                self.data.push(value.to_owned());
                self.has_data = true;
            }
            "id" if !value.contains('\0') => self.id = Some(value.to_owned()),
            _ => {}
        }
        None
    }
}

/// Parses a whole captured stream.
pub fn parse_all(text: &str) -> Vec<SseFrame> {
    let mut p = SseParser::new();
    let mut frames = p.feed(text);
    frames.extend(p.feed("\n\n"));
    frames
}

/// Writes one event in the wire format, each line of `data` on its own `data:` line. A line
/// break in `data` may be `\n`, `\r\n` or `\r`, as for a reader; each becomes a `data:` line.
pub fn write_frame(id: u64, event: &str, data: &str) -> String {
    let mut s = format!("id: {id}\nevent: {event}\n");
    let data = data.replace("\r\n", "\n").replace('\r', "\n");
    for line in data.split('\n') {
        s.push_str("data: ");
        s.push_str(line);
        s.push('\n');
    }
    s.push('\n');
    s
}
