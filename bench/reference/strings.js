// The two string tables the reference page needs: the console's own wording for what a row and
// the list's controls show, in Chinese and English.
export const STRINGS = {
  zh: {
    title: "会控参考页", join: "加入", conference: "会议号", pin: "密码", name: "显示名称",
    server: "API 服务器", participants: "参会者", shownOf: "显示 {shown} / {total}",
    search: "按名称或地址搜索", sortBy: "排序", sortJoin: "入会时间", sortSpeaking: "正在讲话",
    sortName: "名称", language: "语言", noParticipants: "没有符合条件的参会者",
    roleHost: "主持人", roleGuest: "访客", you: "（我）",
    stateConnecting: "连接中", stateWaiting: "等待中", stateIvr: "等待输入密码", stateGateway: "点对点",
    muted: "已静音", presenting: "正在演示", spotlight: "焦点 {n}", speaking: "正在讲话",
    rxDenied: "禁止接收演示", inMeetingFor: "入会时长 {t}", lessThanMinute: "不到 1 分钟",
    minutes: "{n} 分钟", hoursMinutes: "{h} 小时 {m} 分钟",
    noMedia: "仅控制（无音视频）", audioOnly: "仅音频", video: "视频",
    mute: "静音", unmute: "取消静音", muteX: "静音 {name}", unmuteX: "取消静音 {name}",
    spotlightShort: "焦点", unspotlight: "取消焦点", spotlightX: "设为焦点 {name}",
    unspotlightX: "取消焦点 {name}", actionsX: "更多操作 {name}",
  },
  en: {
    title: "Huikong reference page", join: "Join", conference: "Conference", pin: "PIN",
    name: "Display name", server: "API server", participants: "Participants",
    shownOf: "Showing {shown} of {total}", search: "Search by name or address", sortBy: "Sort by",
    sortJoin: "Join time", sortSpeaking: "Speaking", sortName: "Name", language: "Language",
    noParticipants: "No participants match", roleHost: "Host", roleGuest: "Guest", you: "(you)",
    stateConnecting: "Connecting", stateWaiting: "Waiting", stateIvr: "At the PIN prompt",
    stateGateway: "Point-to-point", muted: "Muted", presenting: "Presenting",
    spotlight: "Spotlight {n}", speaking: "Speaking", rxDenied: "Presentation blocked",
    inMeetingFor: "In the meeting for {t}", lessThanMinute: "under a minute", minutes: "{n} min",
    hoursMinutes: "{h} h {m} min", noMedia: "Control only (no media)", audioOnly: "Audio only",
    video: "Video", mute: "Mute", unmute: "Unmute", muteX: "Mute {name}",
    unmuteX: "Unmute {name}", spotlightShort: "Spotlight", unspotlight: "Unspotlight",
    spotlightX: "Spotlight {name}", unspotlightX: "Remove spotlight from {name}",
    actionsX: "More actions for {name}",
  },
};

/// `{key}` placeholders filled from `args`.
export function fmt(template, args) {
  return template.replace(/\{(\w+)\}/g, (_, k) => (k in args ? String(args[k]) : ""));
}
