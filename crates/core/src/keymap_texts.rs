//! The key map's texts (what each key does, as the help lists it), Chinese then English: a
//! table of their own, read only by the meeting page's module.
use crate::i18n::texts;

texts! { KeyText;
    KeyPalette => "打开命令面板（输入框中也可用）", "Open the command palette (also while typing)";
    KeyHelp => "显示本帮助", "Show this help";
    KeySearch => "跳到参会者搜索框", "Go to the participant search";
    KeyLock => "锁定或解锁会议", "Lock or unlock the conference";
    KeyGuests => "静音或取消静音所有访客", "Mute or unmute all guests";
    KeyAdmitAll => "准入所有等候者", "Admit everyone waiting";
    KeyDense => "切换紧凑行", "Toggle dense rows";
    KeyTabs => "打开第 1 至 8 个面板", "Open panel 1 to 8";
    KeyResults => "跳到操作结果", "Go to the results";
    KeyRowMove => "在行间移动", "Move between rows";
    KeyRowMute => "静音或取消静音", "Mute or unmute";
    KeyRowSpot => "设为焦点或取消焦点", "Spotlight on or off";
    KeyRowDisconnect => "断开（撤销时限内可撤销）", "Disconnect (can be undone while the undo window lasts)";
    KeyRowActions => "打开更多操作", "Open more actions";
    KeyRowSelect => "选中或取消选中", "Select or unselect";
    KeyRowSelectAll => "选中列表显示的所有人", "Select everyone the list shows";
    KeyUndo => "撤销最新一项待执行的操作", "Undo the newest waiting action";
    KeyVenueRollCall => "点名该会场", "Roll call this venue";
    KeyEndRunning => "结束点名、广播或轮询", "End the roll call, the broadcast or the rotation";
    KeyVenueBroadcast => "广播该会场", "Broadcast this venue";
    KeyRotationPause => "暂停或继续轮询", "Pause or resume the rotation";
    KeyPreset => "应用第 1–9 个多画面预案", "Apply picture preset 1–9";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::both_languages_with_the_same_slots;

    #[test]
    fn every_key_text_has_both_languages_with_the_same_slots() {
        both_languages_with_the_same_slots(KeyText::ALL);
    }
}
