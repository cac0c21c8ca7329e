//! Texts only the meeting page's module reads, in both languages, so the join page's module
//! does not carry them: what the page says of how current its picture is, and what a guest's
//! console can do.

use crate::i18n::texts;

texts! { PageText;
    Unknown => "尚未收到参会者列表：参会者、人数和会议状态暂不可知", "No list yet: the participants, the counts and the meeting's state are not known";
    Stale => "数据可能已过期，最后更新 {time}", "This may be out of date: last updated {time}";
    Polled => "实时推送不可用，每 {s} 秒刷新（最后更新 {time}）", "Live updates are unavailable: refreshed every {s} s (last at {time})";
    Loading => "正在获取参会者列表…", "Getting the list of participants…";
    CountUnknown => "—", "—";
    GuestNotice => "您以访客 PIN 入会：可以查看会议，不能操作。要控制会议，请离开后用主持人 PIN 重新入会。", "You joined with a guest PIN: you can watch the meeting but not act. To run it, leave and join again with the host PIN.";
    SoundOffer => "打开提示音？", "Turn the sound on?";
    FlagsUnknown => "会议状态未知：锁定、静音和开始的控制在状态确认后提供", "The meeting's state is not known: lock, mute and start are offered once it is";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::both_languages_with_the_same_slots;

    #[test]
    fn every_page_text_has_both_languages_with_the_same_slots() {
        both_languages_with_the_same_slots(PageText::ALL);
    }
}
