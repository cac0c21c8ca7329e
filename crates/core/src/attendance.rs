//! The attendance export's words in both languages: a table only the record panel reads, so the
//! join page's module does not carry it. The columns follow the protocol crate's `CSV_COLUMNS`.

use crate::i18n::{texts, Lang};

texts! { AttendanceText;
    ColName => "名称", "Name";
    ColAddress => "地址", "Address";
    ColProtocol => "协议", "Protocol";
    ColRole => "角色", "Role";
    ColFirstJoin => "首次入会", "First joined";
    ColLastLeave => "最后离会", "Last left";
    ColTotal => "会中时长", "Time in the meeting";
    ColSessions => "入会次数", "Sessions";
    ColReconnected => "重新连接", "Reconnected";
    ColWaiting => "等候时长", "Time waiting";
    ColPresent => "仍在会中", "Still in the meeting";
    Yes => "是", "yes";
    No => "否", "no";
    Host => "主持人", "host";
    Guest => "访客", "guest";
}

/// The CSV's column names in `lang`, in `CSV_COLUMNS`' order.
pub fn columns(lang: Lang) -> [&'static str; 11] {
    use AttendanceText::*;
    [
        ColName,
        ColAddress,
        ColProtocol,
        ColRole,
        ColFirstJoin,
        ColLastLeave,
        ColTotal,
        ColSessions,
        ColReconnected,
        ColWaiting,
        ColPresent,
    ]
    .map(|t| t.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::both_languages_with_the_same_slots;

    #[test]
    fn every_attendance_text_has_both_languages_with_the_same_slots() {
        both_languages_with_the_same_slots(AttendanceText::ALL);
    }

    #[test]
    fn one_name_per_column_of_the_protocol_s() {
        assert_eq!(
            columns(Lang::En).len(),
            huikong_protocol::record::export::CSV_COLUMNS.len()
        );
        assert_eq!(columns(Lang::Zh)[6], "会中时长");
    }
}
