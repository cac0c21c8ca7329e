//! The meeting record's and the alerts' texts, Chinese then English: a table only the meeting
//! page's module reads (the record panel, the alert bar, those who recently left), so the join
//! page's module, which holds the shared table, does not carry them.
use crate::i18n::texts;

texts! { RecordText;
    RecHeading => "会议记录", "Meeting record";
    RecCoversFrom => "记录自 {time}（本控制台入会时）起", "Recorded since {time} (when this console joined)";
    RecTimeline => "时间线", "Timeline";
    RecAttendance => "出席情况", "Attendance";
    RecFilterKind => "类型", "Kind";
    RecAllKinds => "全部类型", "All kinds";
    RecFilterPerson => "参会者", "Participant";
    RecEveryone => "所有人", "Everyone";
    RecEmpty => "尚无记录", "Nothing recorded yet";
    RecKindJoin => "入会", "Joins";
    RecKindLeave => "离会", "Leaves";
    RecKindWaiting => "等候室", "Waiting room";
    RecKindRole => "角色", "Roles";
    RecKindService => "会议状态", "Conference";
    RecKindPresentation => "演示", "Presentation";
    RecKindLayout => "布局", "Layout";
    RecKindStream => "事件流", "Stream";
    RecKindCommand => "命令", "Commands";
    RecKindSummary => "汇总", "Summary";
    RecJoined => "{name} 入会", "{name} joined";
    RecPresent => "{name} 已在会中", "{name} was already in the meeting";
    RecRejoined => "{name} 重新入会", "{name} rejoined";
    RecLeft => "{name} 离会", "{name} left";
    RecRemoved => "{name} 被本控制台移出会议", "{name} was removed by this console";
    RecLeftDuringLoss => "{name} 在事件流中断期间离会", "{name} left while the event stream was lost";
    RecLeftCall => "{name} 离会：{reason}", "{name} left: {reason}";
    RecWaiting => "{name} 进入等候室", "{name} entered the waiting room";
    RecAdmitted => "{name} 被准许入会", "{name} was admitted";
    RecRole => "{name} 的角色变为{role}", "{name} is now {role}";
    RecLocked => "会议已锁定", "The meeting was locked";
    RecUnlocked => "会议已解锁", "The meeting was unlocked";
    RecGuestsMuted => "访客已全部静音", "Guests were muted";
    RecGuestsUnmuted => "访客已解除静音", "Guests were unmuted";
    RecStarted => "会议已开始", "The meeting started";
    RecPresenting => "{name} 开始演示", "{name} started presenting";
    RecStopped => "演示结束", "The presentation stopped";
    RecRevoked => "演示被收回", "The presentation was revoked";
    RecLayout => "布局变为 {view}", "The layout changed to {view}";
    RecCallEnded => "呼叫 {call} 结束：{reason}", "Call {call} ended: {reason}";
    RecStreamLost => "事件流中断", "The event stream was lost";
    RecResynced => "事件流已恢复（中断 {gap} 秒）：{joined} 人加入，{left} 人离开", "The event stream was back after {gap} s: {joined} joined, {left} left";
    RecEnded => "本控制台的会话已结束：{reason}", "This console's session ended: {reason}";
    RecCommandDone => "命令 {command}：完成", "Command {command}: done";
    RecCommandFailed => "命令 {command} 失败：{reason}", "Command {command} failed: {reason}";
    RecSummary => "已汇总 {n} 条较早的记录：{counts}", "Older entries summarised ({n}): {counts}";
    RecColName => "名称", "Name";
    RecColUri => "地址", "Address";
    RecColProtocol => "协议", "Protocol";
    RecColRole => "角色", "Role";
    RecColFirstJoin => "首次入会", "First joined";
    RecColLastLeave => "最后离会", "Last left";
    RecColTotal => "会中时长", "Time in meeting";
    RecColSessions => "入会次数", "Sessions";
    RecColWaiting => "等候时长", "Waiting";
    RecStillIn => "仍在会中", "still in";
    RecReconnected => "重新连接", "reconnected";
    RecMorePeople => "显示 {shown} 人，共 {all} 人；导出文件包含所有人", "Showing {shown} of {all}; the export has everyone";
    RecExportCsv => "导出 CSV", "Export CSV";
    RecExportJson => "导出 JSON", "Export JSON";
    RecExportFailed => "导出失败：{reason}", "Export failed: {reason}";
    RecentlyLeft => "最近离会", "Recently left";
    RecentlyLeftShow => "显示 30 分钟内离会的人", "Show who left in the last 30 minutes";
    RecentlyLeftNone => "30 分钟内没有人离会", "Nobody left in the last 30 minutes";
    AlertsHeading => "提醒", "Alerts";
    AlertsUnseen => "{n} 条新提醒", "{n} new alert{s}";
    AlertsMarkSeen => "知道了", "Mark as seen";
    AlertsSound => "提示音", "Sound";
    AlertsNotifications => "桌面通知", "Desktop notifications";
    AlertsEnableNotifications => "启用桌面通知", "Enable notifications";
    AlertsRefused => "浏览器未允许桌面通知", "The browser did not allow notifications";
    AlertWaiting => "{name} 正在等候室等候", "{name} is waiting in the waiting room";
    AlertPresenting => "{name} 开始演示", "{name} started presenting";
    AlertStreamLost => "与平台的事件流中断", "The event stream from the platform was lost";
    AlertCommandFailed => "命令 {command} 失败：{reason}", "Command {command} failed: {reason}";
    AlertKinds => "提醒哪些事", "What to alert about";
    AlertKindWaiting => "有人进入等候室", "Someone enters the waiting room";
    AlertKindPresenting => "有人开始演示", "Someone starts presenting";
    AlertKindStreamLost => "事件流中断", "The event stream is lost";
    AlertKindCommandFailed => "命令失败", "A command fails";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::both_languages_with_the_same_slots;

    #[test]
    fn every_record_text_has_both_languages_with_the_same_slots() {
        both_languages_with_the_same_slots(RecordText::ALL);
    }
}
