//! The venue list as CSV, as Chinese Excel saves it: a header row in Chinese or English, RFC
//! 4180 quoting, commas (or the tabs of a pasted table). The console decodes the bytes (UTF-8
//! with or without a BOM, else GB18030) before this reads the text. The export writes UTF-8
//! with a BOM, a Chinese or English header, formula-looking cells neutralised.

use super::check::{collect, Parsed, Problem, Raw};
use super::Venue;
use crate::i18n::Lang;
use huikong_protocol::record::export::csv_cell;

/// A column's header names, Chinese and English, compared without case or blanks.
const COLUMNS: [(Col, &[&str]); 8] = [
    (Col::Number, &["序号", "编号", "no", "no.", "number", "#"]),
    (Col::Name, &["会场名称", "会场", "名称", "name", "venue"]),
    (
        Col::Address,
        &[
            "呼叫地址",
            "地址",
            "号码",
            "address",
            "dialaddress",
            "destination",
            "uri",
        ],
    ),
    (Col::Protocol, &["协议", "呼叫协议", "protocol"]),
    (Col::Role, &["角色", "role"]),
    (
        Col::Dtmf,
        &[
            "dtmf",
            "二次拨号",
            "dtmf序列",
            "dtmfsequence",
            "dtmf_sequence",
        ],
    ),
    (
        Col::CallType,
        &["呼叫类型", "类型", "calltype", "call_type"],
    ),
    (
        Col::Auto,
        &[
            "自动呼叫",
            "缺席自动呼叫",
            "autocall",
            "auto_call",
            "callautomatically",
        ],
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Number,
    Name,
    Address,
    Protocol,
    Role,
    Dtmf,
    CallType,
    Auto,
}

fn column(header: &str) -> Option<Col> {
    let h: String = header
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    COLUMNS
        .iter()
        .find(|(_, names)| names.contains(&h.as_str()))
        .map(|(c, _)| *c)
}

/// The records of a CSV text with the line each starts on (1-based), quoted fields across
/// lines kept whole. A line of tabs and no comma is split at the tabs.
pub fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let (mut field, mut record) = (String::new(), Vec::new());
    let (mut line, mut start, mut quoted) = (1, 1, false);
    let mut sep = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if sep.is_none() && !quoted {
            let rest_of_line: String = std::iter::once(c)
                .chain(chars.clone().take_while(|&c| c != '\n'))
                .collect();
            if !rest_of_line.trim().is_empty() {
                sep = Some(
                    if !rest_of_line.contains(',') && rest_of_line.contains('\t') {
                        '\t'
                    } else {
                        ','
                    },
                );
            }
        }
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            '\n' if quoted => {
                line += 1;
                field.push('\n');
            }
            '\r' if !quoted => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
            }
            c if Some(c) == sep && !quoted => record.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push((start, record));
    }
    out.retain(|(_, r)| r.iter().any(|f| !f.trim().is_empty()));
    out
}

/// The venues of a CSV text, or why not, line by line.
pub fn parse(text: &str) -> Parsed {
    let mut rows = records(text).into_iter();
    let Some((_, header)) = rows.next() else {
        return Parsed::failed(Problem::Empty);
    };
    let cols: Vec<Option<Col>> = header.iter().map(|h| column(h)).collect();
    if !cols.contains(&Some(Col::Name)) || !cols.contains(&Some(Col::Address)) {
        return Parsed::failed(Problem::NoHeader);
    }
    let lines = rows
        .map(|(line, cells)| {
            let mut raw = Raw::default();
            for (col, cell) in cols.iter().zip(cells) {
                let slot = match col {
                    Some(Col::Number) => &mut raw.number,
                    Some(Col::Name) => &mut raw.name,
                    Some(Col::Address) => &mut raw.address,
                    Some(Col::Protocol) => &mut raw.protocol,
                    Some(Col::Role) => &mut raw.role,
                    Some(Col::Dtmf) => &mut raw.dtmf,
                    Some(Col::CallType) => &mut raw.call_type,
                    Some(Col::Auto) => &mut raw.auto_call,
                    None => continue,
                };
                *slot = Some(cell);
            }
            (line, raw)
        })
        .collect();
    collect(lines)
}

/// The header of the export in the host's language; either reads back.
pub fn header(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Zh => [
            "序号",
            "会场名称",
            "呼叫地址",
            "协议",
            "角色",
            "DTMF",
            "呼叫类型",
            "自动呼叫",
        ],
        Lang::En => [
            "number",
            "name",
            "address",
            "protocol",
            "role",
            "dtmf",
            "call_type",
            "auto_call",
        ],
    }
}

/// The list as CSV: UTF-8 with a BOM, CRLF lines, formula-looking cells neutralised.
pub fn export(venues: &[Venue], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&header(lang).join(","));
    out.push_str("\r\n");
    for v in venues {
        let role = match (lang, v.role.is_host()) {
            (Lang::Zh, true) => "主持人",
            (Lang::Zh, false) => "访客",
            (Lang::En, _) => v.role.as_check_join(),
        };
        let auto = match (lang, v.auto_call) {
            (Lang::Zh, true) => "是",
            (Lang::Zh, false) => "否",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        };
        let cells = [
            v.number.to_string(),
            v.name.clone(),
            v.address.clone(),
            v.protocol.clone(),
            role.to_owned(),
            v.dtmf.clone().unwrap_or_default(),
            v.call_type.clone().unwrap_or_default(),
            auto.to_owned(),
        ];
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::venues::check::LineError;

    #[test]
    fn a_chinese_excel_file_with_a_bom_reads_with_its_quotes() {
        let text = "\u{feff}序号,会场名称,呼叫地址,协议,角色,自动呼叫\r\n\
                    1,北京主会场,sip:bj@10.0.0.1,sip,主持人,是\r\n\
                    2,\"上海, 分会场\",10.0.0.2,h323,访客,否\r\n";
        let p = parse(text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.venues.len(), 2);
        assert_eq!(p.venues[1].name, "上海, 分会场");
        assert_eq!(p.venues[1].protocol, "h323");
        assert!(p.venues[0].role.is_host() && !p.venues[1].auto_call);
    }

    #[test]
    fn bad_lines_are_named_by_their_line_in_the_file() {
        let text = "Name,Address,Protocol\nA,sip:a@x,sip\n\nB,,sip\n\"C\nstill C\",sip:c@x,carrier-pigeon\nD,sip:d@x,\n";
        let p = parse(text);
        assert_eq!(p.venues.len(), 2);
        assert_eq!(
            p.errors,
            [
                LineError {
                    line: 4,
                    problem: Problem::NoAddress
                },
                LineError {
                    line: 5,
                    problem: Problem::Protocol("carrier-pigeon".into())
                }
            ]
        );
    }

    #[test]
    fn a_file_without_a_header_says_so() {
        assert_eq!(parse("A,sip:a@x\n").errors[0].problem, Problem::NoHeader);
        assert_eq!(parse("  \n").errors[0].problem, Problem::Empty);
    }

    #[test]
    fn a_pasted_table_splits_at_its_tabs() {
        let p = parse("名称\t地址\n杭州\tsip:hz@x\n");
        assert_eq!(p.venues[0].address, "sip:hz@x");
    }

    #[test]
    fn the_export_reads_back_in_either_language_and_neutralises_formulas() {
        let mut a = Venue::blank(1);
        a.name = "=HYPERLINK(\"x\")".into();
        a.address = "+8613800138000".into();
        a.protocol = "phone".into();
        a.dtmf = Some("1234#".into());
        a.call_type = Some("audio".into());
        let mut b = Venue::blank(2);
        b.name = "杭州, 分会场".into();
        b.address = "sip:hz@x".into();
        b.auto_call = false;
        let list = vec![a, b];
        for lang in [Lang::Zh, Lang::En] {
            let text = export(&list, lang);
            assert!(text.starts_with('\u{feff}'));
            assert!(text.contains("'=HYPERLINK"));
            let back = parse(&text);
            assert!(back.errors.is_empty(), "{:?}", back.errors);
            assert_eq!(back.venues[0].address, "+8613800138000");
            assert_eq!(back.venues[1], list[1]);
        }
    }
}
