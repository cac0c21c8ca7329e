//! The venue list's texts, Chinese then English: a table of their own, read only by the venue
//! list, so that the join page's module (which holds the shared table) does not carry them.
use crate::i18n::texts;

texts! { VenueText;
    VenuesHeading => "会场名单", "Venue list";
    VenuesCount => "会场 {online}/{total} 在线", "Venues {online}/{total} online";
    VenuesEmpty => "尚无会场名单：添加会场，或从 CSV / JSON 文件导入。", "No venue list yet: add venues, or import a CSV or JSON file.";
    VenueNumber => "序号", "No.";
    VenueName => "会场名称", "Name";
    VenueAddress => "呼叫地址", "Dial address";
    VenueProtocol => "协议", "Protocol";
    VenueRole => "角色", "Role";
    VenueDtmf => "DTMF 序列", "DTMF sequence";
    VenueCallType => "呼叫类型", "Call type";
    VenueCallTypeDefault => "默认", "Default";
    VenueAuto => "自动呼叫（缺席时呼叫，断线时重呼）", "Call automatically (when absent, and again when dropped)";
    VenueStatus => "状态", "Status";
    VenueActions => "操作", "Actions";
    VenueOnline => "在线", "Online";
    VenueOnlineByName => "在线（仅按名称匹配）", "Online (matched by name only)";
    VenueCalling => "正在呼叫", "Calling";
    VenueAbsent => "未入会", "Absent";
    VenueFailedRefused => "呼叫被拒绝 {time}", "Call refused {time}";
    VenueFailedNoAnswer => "无应答 {time}", "No answer {time}";
    VenueFailedPlatform => "呼叫失败 {time}：{reason}", "Call failed {time}: {reason}";
    VenueLeft => "已离开 {time}", "Left {time}";
    VenueLeftWhy => "已离开 {time}（{reason}）", "Left {time} ({reason})";
    VenueWhyRemoved => "由本控制台断开", "disconnected by this console";
    VenueWhyLoss => "连接中断期间", "while the stream was lost";
    VenueAutoX => "自动呼叫与断线重呼：{name}", "Call and redial automatically: {name}";
    VenueAutoShort => "自动", "Auto";
    VenueRecDropped => "会场 {name} 已断线", "{name} dropped";
    VenueRecDroppedWhy => "会场 {name} 已断线：{reason}", "{name} dropped: {reason}";
    VenueRecRedial => "重呼会场 {name}（第 {n}/{of} 次）", "Redialling {name} (try {n} of {of})";
    VenueKindRecord => "会场", "Venues";
    VenueKindAlert => "会场断线、重呼与轮询停止", "Venues dropped or redialled, rotation stopped";
    VenueOutsiders => "名单外 {n}", "Not on the list: {n}";
    VenueOutsidersHeading => "名单外的参会者", "Participants not on the list";
    VenueAdd => "添加会场", "Add a venue";
    VenueEditX => "编辑 {name}", "Edit {name}";
    VenueRemoveX => "移除 {name}", "Remove {name}";
    VenueSave => "保存会场", "Save the venue";
    VenueCancel => "取消", "Cancel";
    VenueErrFormName => "请填写会场名称", "Give the venue a name";
    VenueErrFormAddress => "请填写呼叫地址", "Give the venue a dial address";
    VenueErrFormDuplicate => "名单中已有该地址：{name}", "The list already has this address: {name}";
    VenueImport => "导入名单", "Import a list";
    VenueImportFile => "选择 CSV 或 JSON 文件", "Choose a CSV or JSON file";
    VenueImportPreview => "将导入 {n} 个会场，替换当前名单：", "{n} venue{s} will be imported, replacing the current list:";
    VenueImportErrors => "{n} 行有错误，未导入任何会场。请修改文件后重新选择：", "Errors on {n} line{s}; nothing was imported. Correct the file and choose it again:";
    VenueImportLine => "第 {line} 行：{reason}", "Line {line}: {reason}";
    VenueImportFileError => "文件：{reason}", "File: {reason}";
    VenueImportConfirm => "导入 {n} 个会场", "Import {n} venue{s}";
    VenueImported => "已导入 {n} 个会场", "{n} venue{s} imported";
    VenueImportUnreadable => "无法读取文件：{reason}", "Could not read the file: {reason}";
    VenueExportCsv => "导出 CSV", "Export CSV";
    VenueExportJson => "导出 JSON", "Export JSON";
    VenueFromConfig => "已载入管理员配置的会场名单（{n} 个会场）", "The administrator's venue list is loaded ({n} venue{s})";
    VenueErrEmpty => "文件中没有会场", "The file has no venues";
    VenueErrNoHeader => "缺少表头行（至少需要“会场名称”和“呼叫地址”两列，或 name 和 address）", "No header row (it needs at least the columns name and address, or 会场名称 and 呼叫地址)";
    VenueErrNotJson => "不是会场名单的 JSON：{value}", "Not a venue list in JSON: {value}";
    VenueErrNoName => "缺少会场名称", "No venue name";
    VenueErrNoAddress => "缺少呼叫地址", "No dial address";
    VenueErrProtocol => "协议“{value}”无效（可用 sip、h323、rtmp、mssip、rtsp、phone、auto）", "Protocol \"{value}\" is not valid (sip, h323, rtmp, mssip, rtsp, phone, auto)";
    VenueErrRole => "角色“{value}”无效（主持人或访客）", "Role \"{value}\" is not valid (host or guest)";
    VenueErrCallType => "呼叫类型“{value}”无效（video、video-only、audio）", "Call type \"{value}\" is not valid (video, video-only, audio)";
    VenueErrDtmf => "DTMF 序列“{value}”无效（0-9 * # A-D）", "DTMF sequence \"{value}\" is not valid (0-9 * # A-D)";
    VenueErrAuto => "自动呼叫“{value}”无效（是或否）", "Call automatically \"{value}\" is not valid (yes or no)";
    VenueErrNumber => "序号“{value}”无效", "Number \"{value}\" is not valid";
    VenueErrSameAddress => "与第 {value} 行的地址相同", "Same address as line {value}";
    VenueErrSameNumber => "与第 {value} 行的序号相同", "Same number as line {value}";
    VenueCallX => "呼叫 {name}", "Call {name}";
    VenueCall => "呼叫", "Call";
    VenueCallAbsent => "呼叫未入会会场", "Call the absent venues";
    VenueCallAbsentN => "呼叫未入会会场（{n}）", "Call the absent venues ({n})";
    VenueNoneAbsent => "呼叫未入会会场：所有会场都已在会或正在呼叫", "Call the absent venues: every venue is in or being called";
    VenueCallProgress => "正在呼叫 {done}/{total}", "Calling {done}/{total}";
    VenueCallDone => "呼叫完成：{ok} 个已接通，{failed} 个失败", "Calls done: {ok} answered, {failed} failed";
    VenueCallStopped => "已停止：{ok} 个已接通，{failed} 个失败，{unsent} 个未呼叫", "Stopped: {ok} answered, {failed} failed, {unsent} not called";
    VenueCallStop => "停止呼叫", "Stop calling";
    VenueCallDismiss => "关闭结果", "Dismiss the results";
    VenueResultAnswered => "已接通", "Answered";
    VenueResultRefused => "被拒绝（忙）", "Refused (busy)";
    VenueResultNoAnswer => "无应答", "No answer";
    VenueResultFailed => "失败：{reason}", "Failed: {reason}";
    VenueResultNotSent => "未呼叫", "Not called";
    VenueResults => "呼叫结果", "Call results";
    VenueRecordCall => "会场 {name}：{result}", "Venue {name}: {result}";
    RedialSwitch => "断线自动重呼", "Redial dropped venues";
    RedialIn => "第 {n}/{of} 次重呼：{s} 秒后", "Redial {n}/{of} in {s} s";
    RedialCancelX => "取消重呼 {name}", "Cancel redialling {name}";
    RedialScheduled => "会场 {name} 已断线：{s} 秒后重呼（第 {n}/{of} 次）", "{name} dropped: redialling in {s} s (try {n} of {of})";
    RedialFailed => "会场 {name} 呼叫未成功：{s} 秒后重呼（第 {n}/{of} 次）", "{name} did not answer: redialling in {s} s (try {n} of {of})";
    RedialGaveUp => "会场 {name} 重呼 {n} 次未成功，已放弃", "{name}: gave up after {n} redial{s}";
    RedialTry => "正在重呼会场 {name}（第 {n} 次）", "Redialling {name} (try {n})";
    RollCallShort => "点名", "Roll call";
    RollCallNow => "正在点名：{name}", "Roll call: {name}";
    RollCallPrev => "上一个会场", "Previous venue";
    RollCallNext => "下一个会场", "Next venue";
    RollCallAudioOnly => "仅音频点名：此平台不能设置布局", "Audio-only roll call: this platform cannot set layouts";
    RollCallBar => "点名", "Roll call";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::both_languages_with_the_same_slots;

    #[test]
    fn every_venue_text_has_both_languages_with_the_same_slots() {
        both_languages_with_the_same_slots(VenueText::ALL);
    }
}
