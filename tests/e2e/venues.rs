//! The venue list: imported from the files Chinese Excel saves (UTF-8 with a BOM, GBK), from
//! JSON, or refused line by line; each kind of venue's status against the simulator's
//! `venues` scenario; calling the absent, with busy and unanswered addresses, at most four
//! at once, and stopped. Keyboard and axe included, in Chinese and English.

use crate::axe::serious_violations_in;
use crate::ctx::{self, Join, ROOM};
use huikong_protocol::Profile;
use huikong_sim::{Config, Scenario};
use huikong_test_support::harness::eventually;
use huikong_test_support::page::testid_css;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The demo's list (`examples/venues-demo.csv`, UTF-8 with a BOM, a Chinese header).
pub fn demo_csv() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/venues-demo.csv")
}

/// Two venues in GBK, as Chinese Excel saves "CSV (逗号分隔)".
const GBK_CSV: &[u8] = &[
    208, 242, 186, 197, 44, 187, 225, 179, 161, 195, 251, 179, 198, 44, 186, 244, 189, 208, 181,
    216, 214, 183, 44, 208, 173, 210, 233, 13, 10, 49, 44, 185, 227, 214, 221, 183, 214, 187, 225,
    179, 161, 44, 115, 105, 112, 58, 103, 117, 97, 110, 103, 122, 104, 111, 117, 64, 118, 101, 110,
    117, 101, 115, 46, 104, 117, 105, 107, 111, 110, 103, 46, 108, 111, 99, 97, 108, 44, 115, 105,
    112, 13, 10, 50, 44, 206, 228, 186, 186, 183, 214, 187, 225, 179, 161, 44, 115, 105, 112, 58,
    119, 117, 104, 97, 110, 45, 98, 117, 115, 121, 64, 118, 101, 110, 117, 101, 115, 46, 104, 117,
    105, 107, 111, 110, 103, 46, 108, 111, 99, 97, 108, 44, 115, 105, 112, 13, 10,
];

/// A file of the test's own, written where the browser can read it.
fn file(test: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("huikong-venues-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The `venues` scenario, its calls unanswered after 4 s (long enough to tell from a refusal).
pub fn venues_config(answer: Duration, profile: Profile) -> Config {
    Config {
        scenario: Scenario::Venues,
        scenario_tick: Duration::from_secs(3600),
        admin: true,
        dial_answer: answer,
        dial_no_answer: Duration::from_secs(4),
        ..Config::for_tests(profile)
    }
}

async fn start(test: &str, lang: &str, answer: Duration) -> ctx::Ctx {
    let t = ctx::start_with(test, venues_config(answer, Profile::Public)).await;
    t.join(&Join {
        lang,
        ..Join::host()
    })
    .await;
    t
}

pub fn row(n: u32) -> String {
    format!("[data-testid=\"venue-row\"][data-number=\"{n}\"]")
}

/// Opens the panel, chooses `path` and waits for the preview (or the errors).
pub async fn choose(t: &ctx::Ctx, import: &str, path: &Path) {
    t.page.open_panel("venues").await;
    t.page.click(import).await;
    let input = t.page.testid("venue-import-file").await;
    input
        .send_keys(&path.display().to_string())
        .await
        .expect("a file chosen");
}

pub async fn import(t: &ctx::Ctx, import: &str, path: &Path, confirm: &str) {
    choose(t, import, path).await;
    t.page.testid("venue-import-preview").await;
    t.page.click(confirm).await;
    t.page.css(&row(1)).await;
}

pub async fn status(t: &ctx::Ctx, n: u32, code: &str) {
    t.page.wait_attr_css(&row(n), "data-status", code).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_list_from_excel_shows_each_kind_of_venue() {
    let t = start("venues_kinds", "en", Duration::from_millis(200)).await;
    import(&t, "Import a list", &demo_csv(), "Import 21 venues").await;
    for n in [1, 2, 3, 5, 6, 12, 20] {
        status(&t, n, "online").await;
    }
    // Found by its name only, and said so.
    status(&t, 7, "online").await;
    t.page.wait_text_css(&row(7), "matched by name only").await;
    for n in [4, 8, 9, 10, 15, 17, 19] {
        status(&t, n, "absent").await;
    }
    t.page.wait_text("venue-count", "Venues 14/21 online").await;
    t.page
        .wait_text("venue-outsiders", "Not on the list: 1")
        .await;

    // A call that drops: the venue reads "left" with the time.
    let api = t.observer().await;
    let shenzhen = api.named("深圳分会场").await.expect("in the meeting").uuid;
    let url = format!("{}/_admin/drop/{ROOM}/{shenzhen}", t.sim.url());
    let r = reqwest::Client::new().post(&url).send().await.unwrap();
    assert!(r.status().is_success());
    status(&t, 5, "left").await;
    t.page.wait_text_css(&row(5), "Left ").await;
    t.page.wait_text("venue-count", "Venues 13/21 online").await;

    // Kept in this browser for this conference: there again after a reload.
    t.page.goto("/?lang=en").await;
    t.page.fill("join-conference", ROOM).await;
    t.page.fill("join-pin", ctx::HOST_PIN).await;
    t.page.fill("join-name", "E2E Console 2").await;
    t.page.testid("join-submit").await.click().await.unwrap();
    t.page.wait_text("venue-count", "/21 online").await;

    let serious =
        serious_violations_in(&t.page, "venues (en)", Some(&testid_css("venues-panel"))).await;
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn gbk_json_and_a_file_with_bad_lines_in_chinese() {
    let t = start("venues_files", "zh", Duration::from_millis(200)).await;
    // GBK, as Chinese Excel saves it.
    let gbk = file("files", "名单.csv", GBK_CSV);
    choose(&t, "导入名单", &gbk).await;
    t.page.wait_text("venue-import-preview", "武汉分会场").await;
    t.page.click("导入 2 个会场").await;
    t.page.wait_text_css(&row(1), "广州分会场").await;
    t.page.wait_text("venue-count", "会场 0/2 在线").await;

    // A file with bad lines: each named, nothing imported.
    let bad = "会场名称,呼叫地址,协议\n北京分会场,sip:beijing@venues.huikong.local,sip\n上海分会场,,sip\n深圳分会场,sip:sz@x,fax\n";
    let bad = file("files", "bad.csv", bad.as_bytes());
    t.page.click("导入名单").await;
    let input = t.page.testid("venue-import-file").await;
    input.send_keys(&bad.display().to_string()).await.unwrap();
    let errors = t
        .page
        .wait_text("venue-import-errors", "第 3 行：缺少呼叫地址")
        .await;
    assert!(errors.contains("第 4 行：协议“fax”无效"), "{errors}");
    assert!(errors.contains("2 行有错误，未导入任何会场"), "{errors}");
    assert!(t
        .page
        .all_css(&testid_css("venue-import-confirm"))
        .await
        .is_empty());
    t.page.wait_text("venue-count", "会场 0/2 在线").await;

    // JSON, the export's form.
    let json = r#"{"venues": [
        {"number": 1, "name": "总部主会场", "address": "sip:hq@venues.huikong.local", "protocol": "sip", "role": "host"},
        {"number": 2, "name": "北京分会场", "address": "sip:beijing@venues.huikong.local"},
        {"number": 3, "name": "广州分会场", "address": "sip:guangzhou@venues.huikong.local", "auto_call": false}
    ]}"#;
    let json = file("files", "venues.json", json.as_bytes());
    let input = t.page.testid("venue-import-file").await;
    input.send_keys(&json.display().to_string()).await.unwrap();
    t.page.click("导入 3 个会场").await;
    t.page.wait_text("venue-count", "会场 2/3 在线").await;
    status(&t, 3, "absent").await;
    t.page.wait_text_css(&row(3), "未入会").await;

    let serious =
        serious_violations_in(&t.page, "venues (zh)", Some(&testid_css("venues-panel"))).await;
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}

/// Presses Tab until the focus is on the button named `name`.
async fn tab_to(t: &ctx::Ctx, name: &str) {
    for _ in 0..40 {
        let el = t.page.client().active_element().await.expect("a focus");
        let label = el.attr("aria-label").await.ok().flatten();
        let text = el.text().await.unwrap_or_default();
        if label.as_deref() == Some(name) || text.trim() == name {
            return;
        }
        el.send_keys(&char::from(fantoccini::key::Key::Tab).to_string())
            .await
            .unwrap();
    }
    panic!("{name} not reached with Tab");
}

async fn press_enter(t: &ctx::Ctx) {
    let el = t.page.client().active_element().await.unwrap();
    el.send_keys(&char::from(fantoccini::key::Key::Enter).to_string())
        .await
        .unwrap();
}

fn line(name: &str) -> String {
    format!("//*[@data-testid='venue-call-line'][.//*[normalize-space(.)='{name}']]")
}

async fn outcome(t: &ctx::Ctx, name: &str, code: &str) {
    let xpath = line(name);
    eventually(&format!("{name}'s call {code}"), || async {
        let found = t.page.all_xpath(&xpath).await;
        let el = found.first().ok_or("no line")?;
        match el.attr("data-outcome").await.ok().flatten() {
            Some(c) if c == code => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_absent_are_called_by_keyboard_busy_and_unanswered_told_apart() {
    let t = start("venues_call", "en", Duration::from_millis(200)).await;
    import(&t, "Import a list", &demo_csv(), "Import 21 venues").await;
    status(&t, 4, "absent").await;
    // Keyboard only: the key map's 8 is the venues tab; Tab to the action, Enter.
    t.page
        .testid("tab-venues")
        .await
        .send_keys("8")
        .await
        .unwrap();
    tab_to(&t, "Call the absent venues (6)").await;
    press_enter(&t).await;
    for name in ["广州分会场", "重庆分会场", "昆明分会场"] {
        outcome(&t, name, "answered").await;
    }
    outcome(&t, "武汉分会场", "refused").await;
    outcome(&t, "厦门分会场", "refused").await;
    outcome(&t, "成都分会场", "no-answer").await;
    t.page
        .wait_text("venue-call-summary", "Calls done: 3 answered, 3 failed")
        .await;
    assert!(
        t.page.all_xpath(&line("长沙分会场")).await.is_empty(),
        "not called automatically"
    );
    status(&t, 8, "failed").await;
    t.page.wait_text_css(&row(8), "Call refused").await;
    t.page.wait_text_css(&row(9), "No answer").await;
    status(&t, 4, "online").await;
    t.page.wait_text("venue-count", "Venues 17/21 online").await;

    // The platform's side: dialled as listed, named as listed.
    let api = t.observer().await;
    let cq = api.named("重庆分会场").await.expect("重庆 answered");
    assert_eq!(
        (cq.protocol.as_str(), cq.uri.as_str()),
        ("h323", "h323:10.20.0.10")
    );
    let km = api.named("昆明分会场").await.expect("昆明 answered");
    assert_eq!(km.protocol, "phone");
    let state: serde_json::Value = reqwest::get(format!("{}/_admin/state/{ROOM}", t.sim.url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["dials"][&cq.uuid]["dtmf_sequence"], "1234#");

    // One venue from its row.
    t.page.click("Call 成都分会场").await;
    outcome(&t, "成都分会场", "no-answer").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn calling_the_absent_rings_four_at_once_and_stops() {
    // Calls ring 3 s before they are answered: Stop comes while the first four ring.
    let t = start("venues_stop", "en", Duration::from_secs(3)).await;
    import(&t, "Import a list", &demo_csv(), "Import 21 venues").await;
    t.page.click("Call the absent venues (6)").await;
    t.page.click("Stop calling").await;
    t.page
        .wait_attr("venue-call-summary", "data-finished", "true")
        .await;
    t.page.wait_text("venue-call-summary", "2 not called").await;
    let api = t.observer().await;
    let dialled = [
        "广州分会场",
        "重庆分会场",
        "厦门分会场",
        "昆明分会场",
        "武汉分会场",
        "成都分会场",
    ];
    let mut present = Vec::new();
    for n in dialled {
        if api.named(n).await.is_some() {
            present.push(n);
        }
    }
    assert!(
        !present.contains(&"厦门分会场") && !present.contains(&"昆明分会场"),
        "{present:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_venue_is_added_and_edited_in_the_console() {
    let t = start("venues_form", "en", Duration::from_millis(200)).await;
    t.page.open_panel("venues").await;
    t.page.testid("venues-empty").await;
    t.page.click("Add a venue").await;
    t.page.fill("venue-name", "西安分会场").await;
    t.page
        .fill("venue-address", "SIP:Xian@venues.huikong.local")
        .await;
    t.page.click("Save the venue").await;
    status(&t, 1, "online").await;
    t.page.wait_text("venue-count", "Venues 1/1 online").await;

    // The same address again is refused, named.
    t.page.click("Add a venue").await;
    t.page.fill("venue-name", "Again").await;
    t.page
        .fill(
            "venue-address",
            "sip:xian@venues.huikong.local;transport=tcp",
        )
        .await;
    t.page.click("Save the venue").await;
    t.page
        .wait_text("venue-form-error", "already has this address: 西安分会场")
        .await;
    t.page.click_in("venue-form", "Cancel").await;

    // Edited: another address; now found by its name only, and said so.
    t.page.click("Edit 西安分会场").await;
    t.page
        .fill("venue-address", "sip:xian-new@venues.huikong.local")
        .await;
    t.page.click("Save the venue").await;
    t.page.wait_text_css(&row(1), "xian-new").await;
    t.page.wait_text_css(&row(1), "matched by name only").await;
    t.page.click("Remove 西安分会场").await;
    t.page.testid("venues-empty").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn an_administrator_s_list_comes_from_config_json() {
    let json = r#"{"venues": {"demo@huikong.local": [
        {"name": "总部主会场", "address": "sip:hq@venues.huikong.local", "role": "host"},
        {"name": "广州分会场", "address": "sip:guangzhou@venues.huikong.local"}
    ]}}"#;
    let dist = crate::runtime_config::Dist::with_config("venues_config", Some(json));
    let mut config = venues_config(Duration::from_millis(200), Profile::Public);
    config.dist = Some(dist.path());
    let t = ctx::start_with("venues_config", config).await;
    t.join(&Join {
        lang: "en",
        ..Join::host()
    })
    .await;
    t.page.wait_text("venue-count", "Venues 1/2 online").await;
    t.page.open_panel("venues").await;
    t.page.wait_text_css(&row(2), "广州分会场").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_list_exports_as_csv_and_json_and_reads_back_the_same() {
    let t = start("venues_export", "zh-CN", Duration::from_millis(200)).await;
    import(&t, "导入名单", &demo_csv(), "导入 21 个会场").await;
    // A name that a spreadsheet would run as a formula.
    t.page.click("添加会场").await;
    t.page.fill("venue-name", "=HYPERLINK(\"x\")").await;
    t.page
        .fill("venue-address", "sip:formula@venues.huikong.local")
        .await;
    t.page.click("保存会场").await;
    t.page.css(&row(22)).await;

    let (name, bytes) = crate::record::download(&t.page, "venue-export-csv").await;
    assert!(name.ends_with(".csv"), "{name}");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "a BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("序号,会场名称,呼叫地址,协议"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 23, "the header and 22 venues");
    assert!(lines[9].contains("成都分会场,sip:chengdu-noanswer@venues.huikong.local"));
    assert!(
        lines[22].contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "neutralised: {}",
        lines[22]
    );

    let (name, bytes) = crate::record::download(&t.page, "venue-export-json").await;
    assert!(name.ends_with(".json"), "{name}");
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let venues = json
        .get("venues")
        .or(Some(&json))
        .and_then(|v| v.as_array())
        .expect("a list");
    assert_eq!(venues.len(), 22);
    assert_eq!(venues[9]["address"], "h323:10.20.0.10");
    assert_eq!(venues[9]["dtmf"], "1234#");

    // The exported CSV reads back as the same 22 venues.
    let again = file("venues_export", "exported.csv", text.as_bytes());
    import(&t, "导入名单", &again, "导入 22 个会场").await;
    t.page.wait_text("venue-count", "会场").await;
    t.page.wait_text_css(&row(22), "=HYPERLINK(\"x\")").await;
    t.page.wait_text_css(&row(10), "h323:10.20.0.10").await;
}
