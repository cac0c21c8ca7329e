//! What the keyboard can ask for, as data: the acts on the conference, the page and one
//! participant, with their labels, aliases and the platform's command behind each.

use crate::i18n::Text;
use crate::panels::PanelId;
use huikong_protocol::{
    Audience, Command, LayoutOverride, OverrideLayoutRequest, ParticipantCommand as PC,
};

/// What can be done to one participant from the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonAct {
    Show,
    Actions,
    Mute,
    Unmute,
    SpotOn,
    SpotOff,
    Admit,
    MakeHost,
    MakeGuest,
    Disconnect,
}

impl PersonAct {
    /// The label, with `{name}`.
    pub fn text(self) -> Text {
        match self {
            PersonAct::Show => Text::ShowX,
            PersonAct::Actions => Text::ActionsX,
            PersonAct::Mute => Text::MuteX,
            PersonAct::Unmute => Text::UnmuteX,
            PersonAct::SpotOn => Text::SpotlightX,
            PersonAct::SpotOff => Text::UnspotlightX,
            PersonAct::Admit => Text::AdmitX,
            PersonAct::MakeHost => Text::MakeHostX,
            PersonAct::MakeGuest => Text::MakeGuestX,
            PersonAct::Disconnect => Text::DisconnectX,
        }
    }

    /// The platform's command behind it, when there is one (the deployment may lack it).
    pub fn command(self) -> Option<PC> {
        Some(match self {
            PersonAct::Show | PersonAct::Actions => return None,
            PersonAct::Mute => PC::Mute,
            PersonAct::Unmute => PC::Unmute,
            PersonAct::SpotOn => PC::SpotlightOn,
            PersonAct::SpotOff => PC::SpotlightOff,
            PersonAct::Admit => PC::Unlock,
            PersonAct::MakeHost | PersonAct::MakeGuest => PC::Role,
            PersonAct::Disconnect => PC::Disconnect,
        })
    }

    /// Words it is also found by, in both languages, beside its label in both.
    pub fn aliases(self) -> &'static str {
        match self {
            PersonAct::Show => "显示 查找 定位 show find go",
            PersonAct::Actions => "操作 more actions",
            PersonAct::Mute => "静音 mute",
            PersonAct::Unmute => "取消静音 unmute",
            PersonAct::SpotOn => "聚焦 焦点 spotlight focus",
            PersonAct::SpotOff => "取消聚焦 取消焦点 unspotlight spotlight off",
            PersonAct::Admit => "准入 等候 admit let in",
            PersonAct::MakeHost => "角色 主持人 role host chair",
            PersonAct::MakeGuest => "角色 访客 role guest",
            PersonAct::Disconnect => "断开 移除 踢出 disconnect remove kick",
        }
    }
}

/// One thing the keyboard can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Act {
    Lock,
    Unlock,
    MuteGuests,
    UnmuteGuests,
    Start,
    End,
    AdmitAll,
    Panel(PanelId),
    Layout(&'static str),
    Search,
    Dense,
    Help,
    Leave,
    Person(PersonAct, String),
}

impl Act {
    /// The conference command behind it, when the deployment may lack it.
    pub fn command(&self) -> Option<Command> {
        Some(match self {
            Act::Lock => Command::Lock,
            Act::Unlock => Command::Unlock,
            Act::MuteGuests => Command::MuteGuests,
            Act::UnmuteGuests => Command::UnmuteGuests,
            Act::Start => Command::StartService,
            Act::End => Command::Disconnect,
            Act::Layout(_) => Command::OverrideLayout,
            _ => return None,
        })
    }

    /// Whether only a host may do it.
    pub fn host_only(&self) -> bool {
        match self {
            Act::Panel(_) | Act::Search | Act::Dense | Act::Help | Act::Leave => false,
            Act::Person(p, _) => !matches!(p, PersonAct::Show | PersonAct::Actions),
            _ => true,
        }
    }
}

/// The label of an act that names no one.
pub fn fixed_text(act: &Act) -> Text {
    match act {
        Act::Lock => Text::LockConference,
        Act::Unlock => Text::UnlockConference,
        Act::MuteGuests => Text::MuteAllGuests,
        Act::UnmuteGuests => Text::UnmuteAllGuests,
        Act::Start => Text::StartMeeting,
        Act::End => Text::EndMeeting,
        Act::AdmitAll => Text::AdmitAll,
        Act::Search => Text::FocusSearch,
        Act::Dense => Text::ToggleDense,
        Act::Help => Text::HelpTitle,
        Act::Leave => Text::Leave,
        Act::Panel(p) => p.label(),
        Act::Layout(_) => Text::TabLayout,
        Act::Person(p, _) => p.text(),
    }
}

/// The layout for hosts and guests alike, filled by voice: what the layout panel sends with
/// its defaults. Only the platform's layouts are offered, so there is nothing to check.
pub fn layout_request(layout: &str) -> OverrideLayoutRequest {
    OverrideLayoutRequest {
        layouts: [Audience::Hosts, Audience::Guests]
            .into_iter()
            .map(|a| LayoutOverride::new(a, layout, Vec::new(), true))
            .collect(),
    }
}
