//! The rules of what a room shows: who is on the stage (the most recent speaker first), what
//! each audience's layout holds, and the presentation. Recomputed after every change; an event
//! goes out only when what is shown differs.

use super::Room;
use crate::model::ids::unix_now;
use crate::model::screen::{capacity, Slide, DEFAULT_VIEW, STAGE_LIMIT};
use huikong_protocol::{Audience, Event, LayoutOverride, LayoutView, ServiceType, StageEntry};

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
            self.screen.forget_sent();
            return;
        }
        let stage = self.stage_entries();
        if self.screen.stage_changed(&stage) {
            self.bus.emit(&Event::Stage(stage));
        }
        let layouts = (self.layout_view(true), self.layout_view(false));
        if self.screen.layouts_changed(&layouts) {
            let (hosts, guests) = layouts;
            self.bus
                .emit_by_role(&Event::Layout(hosts), &Event::Layout(guests));
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

    /// Participant spotlighton (since now) or spotlightoff: the spotlit lead every layout.
    /// False if unknown.
    pub fn set_spotlight(&mut self, uuid: &str, on: bool) -> bool {
        let at = if on { unix_now().floor() } else { 0.0 };
        let found = self.update(uuid, |m| m.p.spotlight = at);
        self.refresh_screen();
        found
    }

    /// Applies override_layout; the layout event goes out even if nothing on screen moved.
    pub fn override_layout(&mut self, layouts: Vec<LayoutOverride>) {
        for l in layouts {
            match l.audience {
                Audience::Hosts => self.screen.hosts_layout = Some(l),
                Audience::Guests => self.screen.guests_layout = Some(l),
            }
        }
        self.screen.forget_sent_layouts();
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
