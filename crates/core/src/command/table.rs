//! The one table of policies: every action's label, aliases, who may, what it needs,
//! confirmation, undo window and key, built from two starting points (a host's command to the
//! platform, the page's own act).

use super::{Action, Confirm, Needs, Policy, Waits};
use crate::i18n::Text;
use crate::keymap::KeyAct;
use huikong_protocol::{Command, ParticipantCommand as PC};

const fn p(label: Text, aliases: &'static str, needs: Needs) -> Policy {
    Policy {
        label,
        aliases,
        host_only: true,
        needs,
        confirm: Confirm::Never,
        waits: Waits::Never,
        key: None,
    }
}

const fn page(label: Text, aliases: &'static str, key: Option<KeyAct>) -> Policy {
    Policy {
        label,
        aliases,
        host_only: false,
        needs: Needs::Nothing,
        confirm: Confirm::Never,
        waits: Waits::Never,
        key,
    }
}

impl Policy {
    const fn key(mut self, k: KeyAct) -> Policy {
        self.key = Some(k);
        self
    }
    const fn waits_always(mut self) -> Policy {
        self.waits = Waits::Always;
        self
    }
    const fn waits_in_bulk(mut self) -> Policy {
        self.waits = Waits::InBulk;
        self
    }
    const fn confirm(mut self, c: Confirm) -> Policy {
        self.confirm = c;
        self
    }
}

use Needs::{Conference as C, Participant as P};

impl Action {
    pub const ALL: [Action; 41] = [
        Action::Lock,
        Action::Unlock,
        Action::MuteGuests,
        Action::UnmuteGuests,
        Action::Start,
        Action::End,
        Action::AdmitAll,
        Action::Layout,
        Action::Dial,
        Action::Message,
        Action::Show,
        Action::Actions,
        Action::Mute,
        Action::Unmute,
        Action::SpotlightOn,
        Action::SpotlightOff,
        Action::Admit,
        Action::Reject,
        Action::MakeHost,
        Action::MakeGuest,
        Action::AllowPresentation,
        Action::DenyPresentation,
        Action::Dtmf,
        Action::SubCall,
        Action::Transfer,
        Action::Disconnect,
        Action::RollCall,
        Action::RollCallEnd,
        Action::Broadcast,
        Action::BroadcastEnd,
        Action::Rotation,
        Action::RotationStop,
        Action::RotationPause,
        Action::Preset,
        Action::Panel,
        Action::Search,
        Action::Dense,
        Action::Help,
        Action::Leave,
        Action::Room,
        Action::Wall,
    ];

    /// The one table of policies.
    pub const fn policy(self) -> Policy {
        match self {
            Action::Lock => {
                p(Text::LockConference, "锁定 锁会 lock", C(Command::Lock)).key(KeyAct::Lock)
            }
            Action::Unlock => {
                p(Text::UnlockConference, "解锁 unlock", C(Command::Unlock)).key(KeyAct::Lock)
            }
            Action::MuteGuests => p(
                Text::MuteAllGuests,
                "静音 全体 访客 mute all guests",
                C(Command::MuteGuests),
            )
            .key(KeyAct::Guests),
            Action::UnmuteGuests => p(
                Text::UnmuteAllGuests,
                "取消静音 全体 访客 unmute all guests",
                C(Command::UnmuteGuests),
            )
            .key(KeyAct::Guests),
            Action::Start => p(Text::StartMeeting, "开始 start", C(Command::StartService)),
            Action::End => p(
                Text::EndMeeting,
                "结束 挂断 end stop hang up",
                C(Command::Disconnect),
            )
            .confirm(Confirm::Always)
            .waits_always(),
            Action::AdmitAll => p(
                Text::AdmitAll,
                "准入 全部 等候 admit all waiting",
                P(PC::Unlock),
            )
            .key(KeyAct::AdmitAll),
            Action::Layout => p(
                Text::SetLayoutX,
                "布局 layout view",
                C(Command::OverrideLayout),
            ),
            Action::Dial => p(Text::DialHeading, "呼叫 拨号 dial call", C(Command::Dial)),
            Action::Message => Policy {
                // Anyone in the meeting may chat.
                host_only: false,
                ..p(
                    Text::ChatSendLabel,
                    "聊天 消息 chat message",
                    C(Command::Message),
                )
            },
            Action::Show => page(Text::ShowX, "显示 查找 定位 show find go", None),
            Action::Actions => page(
                Text::ActionsX,
                "操作 more actions",
                Some(KeyAct::RowActions),
            ),
            Action::Mute => p(Text::MuteX, "静音 mute", P(PC::Mute)).key(KeyAct::RowMute),
            Action::Unmute => {
                p(Text::UnmuteX, "取消静音 unmute", P(PC::Unmute)).key(KeyAct::RowMute)
            }
            Action::SpotlightOn => p(
                Text::SpotlightX,
                "聚焦 焦点 spotlight focus",
                P(PC::SpotlightOn),
            )
            .key(KeyAct::RowSpotlight),
            Action::SpotlightOff => p(
                Text::UnspotlightX,
                "取消聚焦 取消焦点 unspotlight spotlight off",
                P(PC::SpotlightOff),
            )
            .key(KeyAct::RowSpotlight),
            Action::Admit => p(Text::AdmitX, "准入 等候 admit let in", P(PC::Unlock)),
            // Routine beside Admit: the undo window is its one protection.
            Action::Reject => p(
                Text::RejectX,
                "拒绝 等候 reject turn away deny",
                P(PC::Disconnect),
            )
            .waits_always(),
            Action::MakeHost => {
                p(Text::MakeHostX, "角色 主持人 role host chair", P(PC::Role)).waits_in_bulk()
            }
            Action::MakeGuest => {
                p(Text::MakeGuestX, "角色 访客 role guest", P(PC::Role)).waits_in_bulk()
            }
            Action::AllowPresentation => p(
                Text::AllowRxX,
                "演示 presentation",
                P(PC::AllowRxPresentation),
            ),
            Action::DenyPresentation => p(
                Text::DenyRxX,
                "演示 presentation",
                P(PC::DenyRxPresentation),
            ),
            Action::Dtmf => p(Text::DtmfX, "dtmf 按键", P(PC::Dtmf)),
            Action::SubCall => p(Text::RtmpX, "rtmp 直播 推流 stream", P(PC::Calls)),
            Action::Transfer => p(Text::TransferX, "转移 transfer move", P(PC::Transfer))
                .confirm(Confirm::Button)
                .waits_always(),
            Action::Disconnect => p(
                Text::DisconnectX,
                "断开 移除 踢出 disconnect remove kick",
                P(PC::Disconnect),
            )
            // One protection, the undo window: a confirmation as well asked twice.
            .waits_always()
            .key(KeyAct::RowDisconnect),
            // A roll call mutes the guests: without that command there is none.
            Action::RollCall => p(
                Text::RollCallX,
                "点名 会场 发言 roll call venue",
                C(Command::MuteGuests),
            )
            .key(KeyAct::VenueRollCall),
            Action::RollCallEnd => p(
                Text::RollCallEnd,
                "结束点名 取消点名 end roll call stop",
                C(Command::MuteGuests),
            )
            .key(KeyAct::RollCallEnd),
            // The picture's: a deployment without `override_layout` has none of them.
            Action::Broadcast => p(
                Text::BroadcastX,
                "广播 会场 全屏 broadcast venue full screen",
                C(Command::OverrideLayout),
            )
            .key(KeyAct::VenueBroadcast),
            Action::BroadcastEnd => p(
                Text::BroadcastEnd,
                "取消广播 结束广播 end broadcast stop",
                C(Command::OverrideLayout),
            )
            .key(KeyAct::RollCallEnd),
            Action::Rotation => p(
                Text::RotationStepX,
                "轮询 轮播 循环 rotation rotate scan",
                C(Command::OverrideLayout),
            ),
            Action::RotationStop => p(
                Text::RotationStop,
                "停止轮询 结束轮询 stop rotation end",
                C(Command::OverrideLayout),
            )
            .key(KeyAct::RollCallEnd),
            Action::RotationPause => page(
                Text::RotationPauseLabel,
                "暂停轮询 继续轮询 pause resume rotation",
                Some(KeyAct::RotationPause),
            ),
            Action::Preset => p(
                Text::PresetX,
                "预案 多画面 布局 preset picture layout",
                C(Command::OverrideLayout),
            )
            .key(KeyAct::Preset),
            Action::Panel => page(Text::OpenPanelX, "面板 标签 panel tab", None),
            Action::Search => page(
                Text::FocusSearch,
                "搜索 查找 search find filter",
                Some(KeyAct::Search),
            ),
            Action::Dense => page(
                Text::ToggleDense,
                "紧凑 密集 dense compact rows",
                Some(KeyAct::Dense),
            ),
            Action::Help => page(
                Text::HelpTitle,
                "帮助 快捷键 help shortcuts keys",
                Some(KeyAct::Help),
            ),
            Action::Leave => page(Text::Leave, "离开 退出 leave quit exit", None),
            Action::Room => page(
                Text::OpenRoomX,
                "会议 打开 切换 监控墙 meeting room open switch wall",
                None,
            ),
            Action::Wall => page(Text::BackToWall, "监控墙 返回 wall back", None),
        }
    }
}
