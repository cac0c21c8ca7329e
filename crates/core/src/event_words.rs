//! The event log in words a person reads: what each event changed ("王芳 已静音", "布局改为
//! 1:7"), worked out from the event and the participant as they were before it; and whether
//! it repeats the entry before it (a presentation frame every two seconds, the speakers every
//! second), so the log folds it into one line with a count. The texts are a table only the
//! meeting page's module reads.

use crate::i18n::{role_text, texts, Lang};
use huikong_protocol::{Event, Participant, Role};

texts! { EventText;
    Joined => "{name} 入会", "{name} joined";
    Left => "{name} 离会", "{name} left";
    LeftUnknown => "一位参会者离会", "A participant left";
    Muted => "{name} 已静音", "{name} was muted";
    Unmuted => "{name} 已取消静音", "{name} was unmuted";
    Role => "{name} 成为{role}", "{name} is now {role}";
    Spotlit => "{name} 被聚焦", "{name} was spotlit";
    Unspotlit => "{name} 取消聚焦", "{name} is no longer spotlit";
    Admitted => "{name} 从等候室入会", "{name} was admitted from the waiting room";
    Waiting => "{name} 在等候室等候", "{name} is waiting";
    Presents => "{name} 开始演示", "{name} started presenting";
    Renamed => "{old} 改名为 {name}", "{old} is now called {name}";
    Updated => "{name} 的状态更新", "{name} was updated";
    Synced => "参会者列表已同步：{n} 人", "The list was synced: {n} participants";
    SyncBegan => "开始同步参会者列表", "The list is being synced";
    Layout => "布局改为 {view}", "The layout is now {view}";
    Presenting => "{name} 开始演示", "{name} is presenting";
    Stopped => "演示结束", "The presentation stopped";
    Revoked => "演示被收回", "The presentation was revoked";
    Frame => "演示画面更新", "A new presentation frame";
    Stage => "发言者更新", "The speakers changed";
    Locked => "会议已锁定", "The meeting was locked";
    Unlocked => "会议已解锁", "The meeting was unlocked";
    GuestsMuted => "全体访客已静音", "All guests were muted";
    GuestsUnmuted => "全体访客已取消静音", "All guests were unmuted";
    Started => "会议已开始", "The meeting started";
    NotStarted => "会议未开始", "The meeting has not started";
    Message => "{name} 发送了聊天消息", "A chat message from {name}";
    CallEnded => "一路呼叫结束：{reason}", "A call ended: {reason}";
    Ended => "平台结束了本会话：{reason}", "The platform ended this session: {reason}";
    Other => "平台事件 {event}", "Platform event {event}";
    Times => "（{n} 次）", " (×{n})";
    Joiner => "；", "; ";
}

/// One change a participant's update made, as the log words it.
#[derive(Debug, Clone, PartialEq)]
pub enum Trait {
    Muted(bool),
    Role(Role),
    Spotlit(bool),
    Admitted,
    Waiting,
    Presents,
    Renamed(String),
}

/// What one event said, in a form either language can word.
#[derive(Debug, Clone, PartialEq)]
pub enum Said {
    Joined(String),
    /// `None` when the console never knew who it was.
    Left(Option<String>),
    Changed(String, Vec<Trait>),
    SyncBegan,
    Synced(usize),
    Layout(String),
    Presenting(String),
    Stopped,
    Revoked,
    Frame,
    Stage,
    Service(Vec<(EventText, bool)>),
    Message(String),
    CallEnded(String),
    Ended(String),
    Other(String),
}

impl Said {
    /// Reads `event`, given the participant it is about as it was before it (for an update or a
    /// leave) and the list's size after it (for a sync's end).
    pub fn of(event: &Event, before: Option<&Participant>, listed: usize) -> Said {
        match event {
            Event::ParticipantCreate(p) => Said::Joined(p.shown_name().to_owned()),
            Event::ParticipantDelete { .. } => {
                Said::Left(before.map(|p| p.shown_name().to_owned()))
            }
            Event::ParticipantUpdate(p) => {
                Said::Changed(p.shown_name().to_owned(), traits(before, p))
            }
            Event::ParticipantSyncBegin => Said::SyncBegan,
            Event::ParticipantSyncEnd => Said::Synced(listed),
            Event::Layout(l) => Said::Layout(l.view.clone()),
            Event::PresentationStart(p) => Said::Presenting(p.presenter_name.clone()),
            Event::PresentationStop => Said::Stopped,
            Event::PresentationRevoked => Said::Revoked,
            Event::PresentationFrame => Said::Frame,
            Event::Stage(_) => Said::Stage,
            Event::ServiceUpdate(u) => {
                let mut flags = Vec::new();
                let mut flag = |v: Option<bool>, yes: EventText, no: EventText| {
                    if let Some(v) = v {
                        flags.push((if v { yes } else { no }, v));
                    }
                };
                flag(u.locked, EventText::Locked, EventText::Unlocked);
                flag(
                    u.guests_muted,
                    EventText::GuestsMuted,
                    EventText::GuestsUnmuted,
                );
                flag(u.started, EventText::Started, EventText::NotStarted);
                Said::Service(flags)
            }
            Event::Message(m) => Said::Message(m.origin.clone()),
            Event::CallDisconnected { reason, .. } => Said::CallEnded(reason.clone()),
            Event::Disconnect { reason } => Said::Ended(reason.clone()),
            Event::Unknown { name, .. } => Said::Other(name.clone()),
        }
    }

    /// Whether a run of these folds into one line with a count.
    pub fn folds(&self) -> bool {
        matches!(self, Said::Frame | Said::Stage)
    }

    /// The sentence in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let t = |k: EventText| k.get(lang);
        let with = |k: EventText, args: &[(&str, &str)]| crate::i18n::fill(t(k), args);
        let named = |k: EventText, name: &str| with(k, &[("name", name)]);
        match self {
            Said::Joined(n) => named(EventText::Joined, n),
            Said::Left(Some(n)) => named(EventText::Left, n),
            Said::Left(None) => t(EventText::LeftUnknown).to_owned(),
            Said::Changed(n, traits) if traits.is_empty() => named(EventText::Updated, n),
            Said::Changed(n, traits) => traits
                .iter()
                .map(|tr| match tr {
                    Trait::Muted(true) => named(EventText::Muted, n),
                    Trait::Muted(false) => named(EventText::Unmuted, n),
                    Trait::Role(r) => with(
                        EventText::Role,
                        &[("name", n), ("role", role_text(*r).get(lang))],
                    ),
                    Trait::Spotlit(true) => named(EventText::Spotlit, n),
                    Trait::Spotlit(false) => named(EventText::Unspotlit, n),
                    Trait::Admitted => named(EventText::Admitted, n),
                    Trait::Waiting => named(EventText::Waiting, n),
                    Trait::Presents => named(EventText::Presents, n),
                    Trait::Renamed(old) => with(EventText::Renamed, &[("old", old), ("name", n)]),
                })
                .collect::<Vec<_>>()
                .join(t(EventText::Joiner)),
            Said::SyncBegan => t(EventText::SyncBegan).to_owned(),
            Said::Synced(count) => with(EventText::Synced, &[("n", &count.to_string())]),
            Said::Layout(v) => with(EventText::Layout, &[("view", v)]),
            Said::Presenting(n) => named(EventText::Presenting, n),
            Said::Stopped => t(EventText::Stopped).to_owned(),
            Said::Revoked => t(EventText::Revoked).to_owned(),
            Said::Frame => t(EventText::Frame).to_owned(),
            Said::Stage => t(EventText::Stage).to_owned(),
            Said::Service(flags) => flags
                .iter()
                .map(|(k, _)| t(*k))
                .collect::<Vec<_>>()
                .join(t(EventText::Joiner)),
            Said::Message(n) => named(EventText::Message, n),
            Said::CallEnded(r) => with(EventText::CallEnded, &[("reason", r)]),
            Said::Ended(r) => with(EventText::Ended, &[("reason", r)]),
            Said::Other(e) => with(EventText::Other, &[("event", e)]),
        }
    }

    /// "（3 次）" after a folded line's words.
    pub fn times(count: u32, lang: Lang) -> String {
        crate::i18n::fill(EventText::Times.get(lang), &[("n", &count.to_string())])
    }
}

/// What an update changed that a host cares about, given the participant before it.
fn traits(before: Option<&Participant>, p: &Participant) -> Vec<Trait> {
    let Some(b) = before else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if b.shown_name() != p.shown_name() {
        out.push(Trait::Renamed(b.shown_name().to_owned()));
    }
    if b.is_waiting() && !p.is_waiting() {
        out.push(Trait::Admitted);
    } else if !b.is_waiting() && p.is_waiting() {
        out.push(Trait::Waiting);
    }
    if b.is_muted != p.is_muted {
        out.push(Trait::Muted(p.is_muted));
    }
    if b.role != p.role {
        out.push(Trait::Role(p.role));
    }
    if (b.spotlight > 0.0) != (p.spotlight > 0.0) {
        out.push(Trait::Spotlit(p.spotlight > 0.0));
    }
    if !b.is_presenting && p.is_presenting {
        out.push(Trait::Presents);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::both_languages_with_the_same_slots;
    use huikong_protocol::{LayoutView, ServiceUpdate};

    fn wang() -> Participant {
        let mut p = Participant::new("w");
        p.display_name = "王芳".into();
        p
    }

    #[test]
    fn every_event_text_has_both_languages_with_the_same_slots() {
        both_languages_with_the_same_slots(EventText::ALL);
    }

    #[test]
    fn an_update_says_what_changed() {
        let before = wang();
        let mut after = wang();
        after.is_muted = true;
        after.role = Role::Host;
        let said = Said::of(&Event::ParticipantUpdate(after), Some(&before), 0);
        assert_eq!(said.words(Lang::Zh), "王芳 已静音；王芳 成为主持人");
        assert_eq!(said.words(Lang::En), "王芳 was muted; 王芳 is now Host");
        let same = Said::of(&Event::ParticipantUpdate(wang()), Some(&before), 0);
        assert_eq!(same.words(Lang::Zh), "王芳 的状态更新");
    }

    #[test]
    fn a_leave_a_layout_a_sync_and_the_flags_in_words() {
        let left = Said::of(
            &Event::ParticipantDelete { uuid: "w".into() },
            Some(&wang()),
            0,
        );
        assert_eq!(left.words(Lang::Zh), "王芳 离会");
        let layout = Event::Layout(LayoutView {
            view: "1:7".into(),
            participants: vec![],
        });
        assert_eq!(Said::of(&layout, None, 0).words(Lang::Zh), "布局改为 1:7");
        assert_eq!(
            Said::of(&Event::ParticipantSyncEnd, None, 12).words(Lang::En),
            "The list was synced: 12 participants"
        );
        let flags = Event::ServiceUpdate(ServiceUpdate {
            locked: Some(true),
            guests_muted: Some(false),
            started: None,
        });
        assert_eq!(
            Said::of(&flags, None, 0).words(Lang::Zh),
            "会议已锁定；全体访客已取消静音"
        );
    }

    #[test]
    fn frames_and_speakers_fold_the_rest_do_not() {
        assert!(Said::of(&Event::PresentationFrame, None, 0).folds());
        assert!(Said::of(&Event::Stage(vec![]), None, 0).folds());
        assert!(!Said::of(&Event::PresentationStop, None, 0).folds());
        assert_eq!(Said::times(3, Lang::Zh), "（3 次）");
    }
}
