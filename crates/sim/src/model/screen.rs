//! What the conference shows: the stage (who spoke last), the layout of each audience, and the
//! presentation, with what was last sent of them so that an event goes out only on a change.
//! The rules that compute them from the members are the room's (`room/display.rs`).

use huikong_protocol::{LayoutOverride, LayoutView, PresentationStart, StageEntry};

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

    /// Forgets what was sent, so that the next listener's changes are reported afresh.
    pub fn forget_sent(&mut self) {
        self.last_stage = None;
        self.last_layout = None;
    }

    /// Forgets the layouts sent, so that the next refresh sends them even if unchanged.
    pub fn forget_sent_layouts(&mut self) {
        self.last_layout = None;
    }

    /// Whether this stage differs from the one sent last; if so, it is remembered as sent.
    pub fn stage_changed(&mut self, stage: &[StageEntry]) -> bool {
        let changed = self.last_stage.as_deref() != Some(stage);
        if changed {
            self.last_stage = Some(stage.to_vec());
        }
        changed
    }

    /// Whether the (hosts', guests') layouts differ from those sent last; if so, they are
    /// remembered as sent.
    pub fn layouts_changed(&mut self, layouts: &(LayoutView, LayoutView)) -> bool {
        let changed = self.last_layout.as_ref() != Some(layouts);
        if changed {
            self.last_layout = Some(layouts.clone());
        }
        changed
    }

    /// A participant is gone: off the stage, and no longer speaking.
    pub fn forget(&mut self, uuid: &str) {
        self.order.retain(|u| u != uuid);
        if self.speaking.as_deref() == Some(uuid) {
            self.speaking = None;
        }
    }
}

/// How many participants a layout shows (a view the platform does not know: as the default).
pub fn capacity(view: &str) -> usize {
    huikong_protocol::layout_capacity(view).unwrap_or(8)
}
