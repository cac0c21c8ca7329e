//! The meeting record: a scripted meeting (joins, leaves, a rejoin, a forced stream drop)
//! exported as CSV and compared with what the simulator knows; hostile names exported safely;
//! a failed command on the timeline with its reason. Alerts and recently left are in
//! `record_alerts.rs`.

use crate::ctx::{self, Ctx};
use huikong_protocol::record::export::CSV_COLUMNS;
use huikong_protocol::Profile;
use huikong_sim::faults::{FailureKind, Faults};
use huikong_sim::model::unix_now;
use huikong_test_support::harness::eventually;
use huikong_test_support::page::Page;
use std::time::Duration;

/// Makes the page keep what it downloads instead of saving it: each Blob given an object URL,
/// and the name of each `<a download>` clicked.
const CAPTURE_DOWNLOADS: &str = "
    window.__blobs = []; window.__downloads = [];
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b) => { window.__blobs.push(b); return make(b); };
    HTMLAnchorElement.prototype.click = function () { window.__downloads.push(this.download); };
";

/// The downloaded file: its name and its bytes.
pub(crate) async fn download(page: &Page, button: &str) -> (String, Vec<u8>) {
    page.client()
        .execute(CAPTURE_DOWNLOADS, vec![])
        .await
        .expect("the capture script runs");
    click_centred(page, button).await;
    let read = "const done = arguments[arguments.length - 1];
        const b = window.__blobs[window.__blobs.length - 1];
        if (!b) { done(null); return; }
        b.arrayBuffer().then((a) => done([window.__downloads.slice(-1)[0], Array.from(new Uint8Array(a))]));";
    eventually("the export to be downloaded", || async {
        let v = page
            .client()
            .execute_async(read, vec![])
            .await
            .map_err(|e| e.to_string())?;
        serde_json::from_value::<(String, Vec<u8>)>(v).map_err(|e| e.to_string())
    })
    .await
}

/// A minimal RFC 4180 reader (quotes, doubled quotes, CRLF).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (vec![], vec![], String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

/// Clicks the element `testid` after scrolling it to the middle of the view, clear of the
/// sticky header.
pub(crate) async fn click_centred(page: &Page, testid: &str) {
    let el = page.testid(testid).await;
    page.client()
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&el).expect("an element as JSON")],
        )
        .await
        .expect("scrolling to the element");
    el.click().await.unwrap();
}

/// The CSV export: checks the BOM and that the header is the first line, and gives the header
/// and the rows.
pub(crate) async fn export_csv(t: &Ctx) -> (String, Vec<String>, Vec<Vec<String>>) {
    t.page.open_panel("record").await;
    let (name, bytes) = download(&t.page, "export-csv").await;
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let mut rows = parse_csv(&text);
    let header = rows.remove(0);
    assert_eq!(
        header.len(),
        CSV_COLUMNS.len(),
        "the header first: {header:?}"
    );
    (name, header, rows)
}

/// A row's cell by the column's key (`CSV_COLUMNS`): the header itself is in the host's language.
pub(crate) fn cell<'a>(_header: &[String], row: &'a [String], col: &str) -> &'a str {
    let i = CSV_COLUMNS.iter().position(|h| *h == col).expect(col);
    &row[i]
}

/// `H:MM:SS` as seconds.
fn secs(hms: &str) -> String {
    let parts: Vec<f64> = hms.split(':').map(|p| p.parse().expect(hms)).collect();
    assert_eq!(parts.len(), 3, "H:MM:SS: {hms:?}");
    (parts[0] * 3600.0 + parts[1] * 60.0 + parts[2]).to_string()
}

pub(crate) fn row_of<'a>(header: &[String], rows: &'a [Vec<String>], name: &str) -> &'a [String] {
    rows.iter()
        .find(|r| cell(header, r, "display_name") == name)
        .unwrap_or_else(|| panic!("{name} not in the export: {rows:?}"))
}

fn assert_near(what: &str, got: &str, lo: f64, hi: f64) {
    let got: f64 = got.parse().unwrap_or_else(|_| panic!("{what}: {got:?}"));
    // Within a second of the span the test measured (the export rounds to whole seconds).
    assert!(
        got >= lo - 1.0 && got <= hi + 1.0,
        "{what}: {got} s, expected between {lo:.1} and {hi:.1}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_scripted_meeting_exports_the_attendance_the_simulator_knows() {
    let t = ctx::start("record_attendance", Profile::Public).await;
    let zhang = t.add_host("Zhang Wei");
    let zhang_start = t
        .room(|r| r.member(&zhang).map(|m| m.p.start_time))
        .unwrap();
    t.join_host().await;
    let wang = t.add_guest("Wang Fang");
    let wang_in = unix_now();
    t.wait_row(&wang).await;
    let liu = t.add_guest("Liu Yang");
    let liu_in = unix_now();
    t.wait_row(&liu).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    t.room(|r| r.leave(&wang));
    let wang_out = unix_now();
    t.page
        .wait_gone_css(&huikong_test_support::page::row_css(&wang))
        .await;
    // The same person again: one person, two sessions.
    let wang2 = t.add_guest("Wang Fang");
    let wang2_in = unix_now();
    t.wait_row(&wang2).await;

    // The stream drops; Liu leaves while the console cannot see it.
    t.sim.state.faults().set(Faults {
        refuse_reconnects_for: Some(Duration::from_millis(1500)),
        ..Faults::default()
    });
    let lost = unix_now();
    assert!(t.sim.state.drop_all_streams() >= 1);
    t.page
        .wait_attr("connection-state", "data-state", "reconnecting")
        .await;
    t.room(|r| r.leave(&liu));
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    t.page
        .wait_gone_css(&huikong_test_support::page::row_css(&liu))
        .await;

    let before = unix_now();
    let (file, header, rows) = export_csv(&t).await;
    let after = unix_now();
    assert!(
        file.ends_with(".csv") && file.contains("-attendance-"),
        "{file}"
    );
    let listed: Vec<String> = t
        .observer()
        .await
        .participants()
        .await
        .into_iter()
        .map(|p| p.display_name)
        .collect();
    for name in &listed {
        let r = row_of(&header, &rows, name);
        assert_eq!(
            cell(&header, r, "present"),
            "yes",
            "{name} is in the meeting"
        );
    }
    assert_eq!(header[0], "Name", "the columns in the host's language");
    assert_eq!(header[6], "Time in the meeting");
    let z = row_of(&header, &rows, "Zhang Wei");
    let first = cell(&header, z, "first_join");
    assert!(
        first.len() == 19 && first.as_bytes()[10] == b' ' && !first.ends_with('Z'),
        "a local time: {first:?}"
    );
    assert_eq!(
        cell(&header, z, "sessions"),
        "1",
        "the stream drop invented no rejoin"
    );
    assert_near(
        "Zhang Wei",
        &secs(cell(&header, z, "total")),
        before - zhang_start,
        after - zhang_start,
    );
    let w = row_of(&header, &rows, "Wang Fang");
    assert_eq!(cell(&header, w, "sessions"), "2");
    assert_eq!(cell(&header, w, "reconnected"), "yes");
    let first = wang_out - wang_in;
    assert_near(
        "Wang Fang",
        &secs(cell(&header, w, "total")),
        first + before - wang2_in,
        first + after - wang2_in,
    );
    let l = row_of(&header, &rows, "Liu Yang");
    assert_eq!(cell(&header, l, "sessions"), "1");
    assert_eq!(cell(&header, l, "present"), "no");
    assert_near(
        "Liu Yang (left during the stream loss)",
        &secs(cell(&header, l, "total")),
        lost - liu_in,
        lost - liu_in + 0.5,
    );
    assert_eq!(rows.len(), 4, "Zhang, Wang, Liu and the console: {rows:?}");

    t.page
        .wait_text_css(
            "[data-testid=\"record-entry\"][data-kind=\"leave\"]",
            "left while the event stream was lost",
        )
        .await;
    t.page
        .wait_text_css(
            "[data-testid=\"record-entry\"][data-kind=\"join\"]",
            "Wang Fang rejoined",
        )
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn hostile_names_are_exported_safely() {
    let t = ctx::start("record_hostile", Profile::Public).await;
    let hostile = [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+SUM(1,2)",
        "-2+3",
        "@cmd",
        "王小明, \"组长\"",
    ];
    t.add_host("Zhang Wei");
    for name in hostile {
        t.add_guest(name);
    }
    t.join_host().await;
    let (file, header, rows) = export_csv(&t).await;
    assert!(
        file.chars()
            .all(|c| c.is_alphanumeric() || "-_.".contains(c)),
        "a safe file name: {file}"
    );
    for name in hostile {
        let r = rows
            .iter()
            .find(|r| cell(&header, r, "display_name").trim_start_matches('\'') == name)
            .unwrap_or_else(|| panic!("{name} not exported literally: {rows:?}"));
        let shown = cell(&header, r, "display_name");
        assert!(
            !shown.starts_with(['=', '+', '-', '@']),
            "{shown:?} would run as a formula"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_timeline_records_a_failed_command_with_its_reason() {
    let t = ctx::start("record_failed_command", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    t.sim.state.faults().set(Faults {
        command_failure_rate: 1.0,
        command_failure_kinds: vec![FailureKind::Status500],
        ..Faults::default()
    });
    t.page.click("Lock conference").await;
    t.page.wait_status("Lock conference: failed").await;
    t.page.open_panel("record").await;
    let text = t
        .page
        .wait_text_css(
            "[data-testid=\"record-entry\"][data-kind=\"command\"]",
            "Internal server error",
        )
        .await;
    assert!(text.contains("lock") && text.contains("failed"), "{text}");
    t.page.select("record-kind-filter", "command").await;
    eventually("only commands to be shown", || async {
        let kinds = t
            .page
            .all_css("[data-testid=\"record-entry\"]:not([data-kind=\"command\"])")
            .await;
        match kinds.is_empty() {
            true => Ok(()),
            false => Err(format!("{} other entries", kinds.len())),
        }
    })
    .await;
    t.page.wait_attr("alert-bar", "data-unseen", "1").await;
}
