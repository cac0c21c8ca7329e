//! The operator wall's texts, a table only the meeting page's module carries.

use crate::i18n::texts;

texts! { WallText;
    Title => "多会议监控", "Operator wall";
    WallNav => "监控墙", "Wall";
    BackToWall => "← 返回监控墙", "← Back to the wall";
    BackToWallHint => "其他会议的连接保持不变（Alt+W）", "Every other meeting stays connected (Alt+W)";
    Summary => "{n} 个会议，{att} 个需要关注", "{n} meetings, {att} need attention";
    Empty => "尚未添加会议。添加会议的号码或别名；主持人 PIN 只在本标签页内输入一次，不会保存。", "No meetings yet. Add a meeting's number or alias; its host PIN is typed once in this tab and never saved.";
    AddHeading => "添加会议", "Add a meeting";
    Conference => "会议号码或别名", "Meeting number or alias";
    Name => "显示名称（可选）", "Display name (optional)";
    Server => "API 服务器", "API server";
    Add => "添加", "Add";
    AddedAlready => "该会议已在监控墙上", "That meeting is on the wall already";
    ConferenceNeeded => "请输入会议号码或别名", "Enter the meeting's number or alias";
    PinAll => "所有会议的主持人 PIN", "Host PIN for every meeting";
    ConnectAll => "全部连接", "Connect all";
    Pin => "{room} 的主持人 PIN", "Host PIN of {room}";
    Connect => "连接", "Connect";
    Connecting => "正在连接…", "Connecting…";
    Reconnect => "重新连接", "Reconnect";
    Open => "进入 {room}", "Open {room}";
    OpenShort => "进入", "Open";
    Disconnect => "断开 {room}", "Disconnect {room}";
    Remove => "移除 {room}", "Remove {room}";
    DisconnectShort => "断开", "Disconnect";
    RemoveShort => "移除", "Remove";
    NotConnected => "未连接", "Not connected";
    Ended => "会话已结束：{reason}", "Session over: {reason}";
    Participants => "参会 {n}", "{n} in the meeting";
    Waiting => "等候 {n}", "{n} waiting";
    VenuesOnline => "会场 {on}/{of} 在线", "Venues {on}/{of} online";
    Presenting => "演示中", "Presenting";
    Locked => "已锁定", "Locked";
    RollCall => "点名中", "Roll call";
    Broadcast => "广播中", "Broadcasting";
    Rotation => "轮询中", "Rotating";
    Streaming => "直播/录制 {n}", "Streaming/recording {n}";
    ModeStream => "实时推送", "Streamed";
    ModePoll => "每 {s} 秒轮询", "Polled every {s} s";
    ModeWhy => "连接方式", "Connection";
    Unseen => "{n} 条新提醒", "{n} new alerts";
    Jump => "打开会议（Ctrl+K）", "Open a meeting (Ctrl+K)";
    JumpHint => "按 1–9 打开第几个会议", "Press 1–9 to open a meeting by its place";
    NoMatch => "没有匹配的会议", "No meeting matches";
    Cards => "会议", "Meetings";
    Protocol => "{node}：{proto}", "{node}: {proto}";
    Http2 => "HTTP/2，全部实时推送", "HTTP/2, all streamed";
    Http1 => "HTTP/1.1，每个节点最多 {n} 路实时推送", "HTTP/1.1, at most {n} streams per node";
    ConsoleName => "会控", "Huikong";
    ProtocolUnknown => "协议未知，按 HTTP/1.1 限制", "protocol unknown, HTTP/1.1's limits kept";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::both_languages_with_the_same_slots;

    #[test]
    fn every_wall_text_has_both_languages_with_the_same_slots() {
        both_languages_with_the_same_slots(WallText::ALL);
    }
}
