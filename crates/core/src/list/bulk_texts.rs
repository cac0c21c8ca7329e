//! The bulk actions' texts, Chinese then English: a table only the participant list's bulk bar
//! and its results read, kept apart from the shared table for the same reason as the record's.
use crate::i18n::texts;

texts! { BulkText;
    BulkBar => "对所选参会者的批量操作", "Bulk actions for the selected participants";
    BulkMute => "静音所选", "Mute selected";
    BulkUnmute => "取消静音所选", "Unmute selected";
    BulkSpotlightOff => "取消所选的焦点", "Spotlight off for selected";
    BulkMakeHost => "设为主持人", "Make hosts";
    BulkMakeGuest => "设为访客", "Make guests";
    BulkAdmit => "准入所选中等候的", "Admit the waiting ones";
    BulkDisconnect => "断开所选", "Disconnect selected";
    BulkTransfer => "转移所选", "Transfer selected";
    BulkDisconnectConfirm => "确定要将所选的 {n} 位参会者踢出会议吗？", "Disconnect the {n} selected participant{s} from the meeting?";
    BulkProgress => "{done} / {total}", "{done} of {total}";
    BulkStarted => "{label}：正在发送…", "{label}: sending…";
    BulkStop => "停止", "Stop";
    BulkStopLabel => "停止发送其余的", "Stop sending the rest";
    BulkSummary => "{label}：{parts}", "{label}: {parts}";
    BulkDoneN => "{n} 人完成", "{n} done";
    BulkFailedN => "{n} 人失败", "{n} failed";
    BulkLeftN => "{n} 人已离会，未发送", "{n} had left, not sent";
    BulkNotSentN => "{n} 人未发送（已停止）", "{n} not sent (stopped)";
    BulkFailure => "{name}：{reason}", "{name}: {reason}";
    BulkRetry => "重试失败的", "Retry failed";
    BulkDismiss => "关闭结果", "Dismiss result";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::both_languages_with_the_same_slots;

    #[test]
    fn every_bulk_text_has_both_languages_with_the_same_slots() {
        both_languages_with_the_same_slots(BulkText::ALL);
    }
}
