//! The dock's panels by name, and the platform's layouts by name: what a key, the palette and
//! the remembered tab refer to, without the views themselves.

use crate::i18n::Text;

/// The panels beside the participant list, in the dock's order. Each is mounted once and kept
/// while another is shown, so a chat draft, the dial form or a filter survive switching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PanelId {
    Speakers,
    Presentation,
    Chat,
    Layout,
    Dial,
    EventLog,
    Record,
    Venues,
}

impl PanelId {
    pub const ALL: [PanelId; 8] = [
        PanelId::Speakers,
        PanelId::Presentation,
        PanelId::Chat,
        PanelId::Layout,
        PanelId::Dial,
        PanelId::EventLog,
        PanelId::Record,
        PanelId::Venues,
    ];

    /// Stable, for ids, `data-testid`s and the remembered tab.
    pub fn code(self) -> &'static str {
        match self {
            PanelId::Speakers => "speakers",
            PanelId::Presentation => "presentation",
            PanelId::Chat => "chat",
            PanelId::Layout => "layout",
            PanelId::Dial => "dial",
            PanelId::EventLog => "events",
            PanelId::Record => "record",
            PanelId::Venues => "venues",
        }
    }

    pub fn parse(code: &str) -> Option<PanelId> {
        PanelId::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The tab's label: short, so eight fit a phone's bottom bar.
    pub fn label(self) -> Text {
        match self {
            PanelId::Speakers => Text::TabSpeakers,
            PanelId::Presentation => Text::TabPresentation,
            PanelId::Chat => Text::TabChat,
            PanelId::Layout => Text::TabLayout,
            PanelId::Dial => Text::TabDial,
            PanelId::EventLog => Text::TabEvents,
            PanelId::Record => Text::TabRecord,
            PanelId::Venues => Text::TabVenues,
        }
    }
}

/// The name of one of the platform's layouts, when it is one.
pub fn layout_text(view: &str) -> Option<Text> {
    Some(match view {
        "1:0" => Text::Layout1x0,
        "4:0" => Text::Layout4x0,
        "1:7" => Text::Layout1x7,
        "1:21" => Text::Layout1x21,
        "2:21" => Text::Layout2x21,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panel_s_code_reads_back() {
        for p in PanelId::ALL {
            assert_eq!(PanelId::parse(p.code()), Some(p));
        }
        assert_eq!(PanelId::parse("nope"), None);
    }

    #[test]
    fn every_layout_of_the_platform_has_a_name() {
        for l in huikong_protocol::LAYOUTS {
            assert!(layout_text(l).is_some(), "{l}");
        }
        assert_eq!(layout_text("3:3"), None);
    }
}
