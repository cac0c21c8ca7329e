//! The texts of broadcast, rotation and presets, Chinese then English: a table of their own,
//! read only by the meeting page's module.
use crate::i18n::texts;

texts! { PictureText;
    PictureUnsupported => "此部署不能设置布局（没有 override_layout）：广播、轮询和多画面预案不可用。", "This deployment cannot set layouts (it has no override_layout): broadcast, rotation and picture presets are not available.";
    BroadcastShort => "广播", "Broadcast";
    BroadcastBar => "广播", "Broadcast";
    BroadcastNow => "正在广播：{name}", "Broadcasting {name}";
    BroadcastChair => "主席同看（主持人也看此会场）", "Chair's view (the hosts see it too)";
    BroadcastEnded => "广播已结束", "Broadcast ended";
    BroadcastNoVenue => "会场 {name} 不在会中，不能广播", "{name} is not in the meeting: it cannot be broadcast";
    BadgeRollCall => "点名中", "Roll call";
    BadgeBroadcast => "广播中：{name}", "Broadcasting {name}";
    BadgeRotation => "轮询中", "Rotating";
    BadgeRotationPaused => "轮询已暂停", "Rotation paused";
    KindRollCall => "点名", "The roll call";
    KindBroadcast => "广播", "The broadcast";
    KindRotation => "轮询", "The rotation";
    Replaced => "{old}已结束，改为{new}", "{old} ended for {new}";
    KindNewRollCall => "点名", "a roll call";
    KindNewBroadcast => "广播", "a broadcast";
    KindNewRotation => "轮询", "a rotation";
    RotationHeading => "轮询", "Rotation";
    RotationMode => "方式", "Mode";
    ModeWhole => "整屏（一次一个会场）", "Whole screen, one venue at a time";
    ModePane => "单格（其他画面不变，一格轮换）", "One pane (the others stay, one pane cycles)";
    ModePages => "分页（多画面逐页轮换）", "Pages of a multi-pane picture";
    RotationView => "画面", "Picture";
    RotationFixed => "固定在画面中的会场", "Venues kept in the picture";
    RotationInterval => "间隔（秒，10–3600）", "Interval (seconds, 10–3600)";
    RotationAudience => "给谁看", "Shown to";
    RotationSkipAudio => "跳过纯音频会场", "Skip audio-only venues";
    RotationVenues => "参与轮询的会场（不选即全部，按名单顺序）", "Venues rotated (none chosen: the whole list, in order)";
    RotationStart => "开始轮询", "Start the rotation";
    RotationBar => "轮询", "Rotation";
    RotationNow => "轮询中：{name}", "Showing {name}";
    RotationNext => "下一个：{name}，{n} 秒后", "Next: {name} in {n} s";
    RotationNextNone => "暂无下一个可轮询的会场", "No next venue to show yet";
    RotationPaused => "已暂停：{name}", "Paused on {name}";
    RotationPause => "暂停", "Pause";
    RotationResume => "继续", "Resume";
    RotationNoneEligible => "没有可轮询的会场：缺席和呼叫中的会场已跳过", "No venue to show: absent and calling venues are skipped";
    RotationBadInterval => "间隔须为 10–3600 秒", "The interval must be 10–3600 seconds";
    RotationNoPane => "固定会场占满了画面，没有可轮换的格", "The kept venues fill the picture: no pane is left to cycle";
    RotationOnePane => "分页轮询需要多画面布局", "Pages need a picture of several panes";
    RotationNoList => "先在会场名单中添加会场", "Add venues to the venue list first";
    RotationStoppedLayout => "轮询已停止：布局已在别处更改", "Rotation stopped: the layout was changed elsewhere";
    RotationStoppedSession => "轮询已停止：与平台的会话已失效", "Rotation stopped: the session with the platform was lost";
    RotationStepFailed => "轮询已暂停：{reason}", "Rotation paused: {reason}";
    RotationStopped => "轮询已停止", "Rotation stopped";
    PresetsHeading => "多画面预案", "Picture presets";
    PresetName => "预案名称", "Preset name";
    PresetSave => "将所选布局存为预案", "Save the chosen layout as a preset";
    PresetApply => "应用", "Apply";
    PresetHint => "以已有预案的名称为另一方保存，主持人和访客即可各看各的画面。", "Save under an existing preset's name for the other audience to give the hosts and the guests each their own picture.";
    PresetDeleteX => "删除预案 {name}", "Delete the preset {name}";
    PresetsEmpty => "尚无预案：在上方选好布局、给谁看和人选，命名后保存。", "No presets yet: choose a layout, its audience and who fills it above, name it and save.";
    PresetMissing => "已应用预案 {name}；不在会中、由语音填补：{who}", "Preset {name} applied; not in the meeting, filled by voice: {who}";
    PresetNoName => "请输入预案名称", "Give the preset a name";
    PresetSaved => "已保存预案 {name}", "Preset {name} saved";
    PresetSummary => "{view}，{who}，{n} 个指定位置", "{view}, {who}, {n} position{s} set";
    PlanExport => "导出会议预案（JSON）", "Export the meeting plan (JSON)";
    PlanImport => "导入会议预案", "Import a meeting plan";
    PlanHint => "会议预案文件包含会场名单、多画面预案和轮询设置，不含任何 PIN。", "A meeting plan holds the venue list, the picture presets and the rotation, never a PIN.";
    PlanImported => "已导入会议预案：{venues} 个会场、{n} 个预案{rotation}", "Plan imported: {venues} venues, {n} preset{s}{rotation}";
    PlanWithRotation => "、轮询设置", ", the rotation";
    PlanNotJson => "会议预案无法读取：{reason}", "The plan does not read: {reason}";
    PlanBadVenues => "会议预案的会场名单有误：{reason}", "The plan's venue list is wrong: {reason}";
    PlanBadPreset => "会议预案的第 {n} 个预案无法使用", "The plan's preset {n} cannot be used";
    PlanBadRotation => "会议预案的轮询设置无法使用", "The plan's rotation cannot be used";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::both_languages_with_the_same_slots;

    #[test]
    fn every_picture_text_has_both_languages_with_the_same_slots() {
        both_languages_with_the_same_slots(PictureText::ALL);
    }
}
