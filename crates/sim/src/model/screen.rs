//! What the conference shows: the stage (who spoke last), the layout of each audience, and the
//! presentation. Recomputed after every change; an event goes out only when it differs.

use super::room::Room;
use huikong_protocol::{
    Audience, Event, LayoutOverride, LayoutView, PresentationStart, ServiceType, StageEntry,
};

/// Stage entries an event lists at most: the biggest layout shows 23.
pub const STAGE_LIMIT: usize = 24;
pub const DEFAULT_VIEW: &str = "1:7";

/// A slide being shown.
#[derive(Debug, Clone)]
pub struct Slide {
    pub presenter: String,
    pub name: String,
    pub uri: String,
    /// Counts frames since the start; a new frame is a new picture.
    pub frame: u64,
}

#[derive(Debug, Default)]
pub struct Screen {
    /// Participants with media, the most recent speaker first.
    pub order: Vec<String>,
    pub speaking: Option<String>,
    pub hosts_layout: Option<LayoutOverride>,
    pub guests_layout: Option<LayoutOverride>,
    pub presentation: Option<Slide>,
    last_stage: Option<Vec<StageEntry>>,
    last_layout: Option<(LayoutView, LayoutView)>,
}

impl Screen {
    pub fn presenter(&self) -> Option<&str> {
        self.presentation.as_ref().map(|s| s.presenter.as_str())
    }

    pub fn presentation_start(&self) -> Option<PresentationStart> {
        self.presentation.as_ref().map(|s| PresentationStart {
            presenter_name: s.name.clone(),
            presenter_uri: s.uri.clone(),
        })
    }

    pub fn forget(&mut self, uuid: &str) {
        self.order.retain(|u| u != uuid);
        if self.speaking.as_deref() == Some(uuid) {
            self.speaking = None;
        }
    }
}

/// How many participants a layout shows.
pub fn capacity(view: &str) -> usize {
    match view {
        "1:0" => 1,
        "4:0" => 4,
        "1:7" => 8,
        "1:21" => 22,
        "2:21" => 23,
        _ => 8,
    }
}

impl Room {
    /// In the conference with media: may be seen and heard.
    fn on_screen(&self, uuid: &str) -> bool {
        self.member(uuid).is_some_and(|m| {
            m.p.has_media && !m.ringing && m.p.service_type == ServiceType::Conference
        })
    }

    pub fn stage_entries(&self) -> Vec<StageEntry> {
        self.screen
            .order
            .iter()
            .filter(|u| self.on_screen(u))
            .take(STAGE_LIMIT)
            .enumerate()
            .map(|(i, u)| StageEntry {
                stage_index: i as u32,
                participant_uuid: u.clone(),
                vad: if self.screen.speaking.as_deref() == Some(u) {
                    100
                } else {
                    0
                },
            })
            .collect()
    }

    /// The layout an audience sees: spotlit participants first (earliest spotlight first), then
    /// the override's actors, then (when there are no actors, or with vad_backfill) the stage.
    pub fn layout_view(&self, hosts: bool) -> LayoutView {
        let over = if hosts {
            &self.screen.hosts_layout
        } else {
            &self.screen.guests_layout
        };
        let view = over
            .as_ref()
            .map_or(DEFAULT_VIEW.to_owned(), |o| o.layout.clone());
        let cap = capacity(&view);
        let mut spotlit: Vec<(f64, &str)> = self
            .members
            .iter()
            .filter(|m| m.p.is_spotlit())
            .map(|m| (m.p.spotlight, m.p.uuid.as_str()))
            .collect();
        spotlit.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut shown: Vec<String> = Vec::with_capacity(cap);
        let add = |u: &str, shown: &mut Vec<String>| {
            if shown.len() < cap && self.on_screen(u) && !shown.iter().any(|s| s == u) {
                shown.push(u.to_owned());
            }
        };
        for (_, u) in spotlit {
            add(u, &mut shown);
        }
        let backfill = match over {
            Some(o) => {
                for a in &o.actors {
                    add(a, &mut shown);
                }
                o.actors.is_empty() || o.vad_backfill
            }
            None => true,
        };
        if backfill {
            for u in self.screen.order.iter().take(STAGE_LIMIT * 2) {
                add(u, &mut shown);
            }
        }
        LayoutView {
            view,
            participants: shown,
        }
    }

    /// Emits stage and layout where they changed. Without listeners it only forgets what was
    /// sent, so the next listener's changes are reported afresh.
    pub fn refresh_screen(&mut self) {
        if !self.bus.has_subscribers() {
            self.screen.last_stage = None;
            self.screen.last_layout = None;
            return;
        }
        let stage = self.stage_entries();
        if self.screen.last_stage.as_ref() != Some(&stage) {
            self.bus.emit(&Event::Stage(stage.clone()));
            self.screen.last_stage = Some(stage);
        }
        let layouts = (self.layout_view(true), self.layout_view(false));
        if self.screen.last_layout.as_ref() != Some(&layouts) {
            self.bus.emit_by_role(
                &Event::Layout(layouts.0.clone()),
                &Event::Layout(layouts.1.clone()),
            );
            self.screen.last_layout = Some(layouts);
        }
    }

    /// Someone (or nobody) speaks now; a speaker moves to the front of the stage.
    pub fn speak(&mut self, uuid: Option<&str>) {
        if let Some(u) = uuid {
            self.screen.order.retain(|o| o != u);
            self.screen.order.insert(0, u.to_owned());
        }
        self.screen.speaking = uuid.map(str::to_owned);
        self.refresh_screen();
    }

    /// Applies override_layout; the layout event goes out even if nothing on screen moved.
    pub fn override_layout(&mut self, layouts: Vec<LayoutOverride>) {
        for l in layouts {
            match l.audience {
                Audience::Hosts => self.screen.hosts_layout = Some(l),
                Audience::Guests => self.screen.guests_layout = Some(l),
            }
        }
        self.screen.last_layout = None;
        self.refresh_screen();
    }

    /// A participant starts presenting, taking over from any other presenter.
    pub fn start_presentation(&mut self, uuid: &str) -> bool {
        let Some(m) = self.member(uuid) else {
            return false;
        };
        let slide = Slide {
            presenter: uuid.to_owned(),
            name: m.p.display_name.clone(),
            uri: m.p.uri.clone(),
            frame: 0,
        };
        if let Some(old) = self.screen.presentation.take() {
            self.update(&old.presenter, |m| m.p.is_presenting = false);
        }
        self.screen.presentation = Some(slide);
        self.update(uuid, |m| m.p.is_presenting = true);
        if let Some(start) = self.screen.presentation_start() {
            self.bus.emit(&Event::PresentationStart(start));
        }
        true
    }

    /// The presented picture changed.
    pub fn next_frame(&mut self) {
        if let Some(s) = &mut self.screen.presentation {
            s.frame += 1;
            self.bus.emit(&Event::PresentationFrame);
        }
    }

    pub fn stop_presentation(&mut self) {
        if let Some(old) = self.screen.presentation.take() {
            self.update(&old.presenter, |m| m.p.is_presenting = false);
            self.bus.emit(&Event::PresentationStop);
        }
    }
}
