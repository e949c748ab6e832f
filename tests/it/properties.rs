//! Properties over generated input: no input makes a reader or parser panic, and the Danish
//! number and date formats read back what was written.

use proptest::prelude::*;

use referat::parse::{dates, numbers};

/// A number as Danish documents print it: `.` between thousands, `,` before decimals.
fn danish(value: i64, decimals: u32) -> String {
    let negative = value < 0;
    let digits = value.unsigned_abs().to_string();
    let split = digits.len().saturating_sub(decimals as usize);
    let (int, frac) = digits.split_at(split);
    let int = if int.is_empty() { "0" } else { int };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    if decimals == 0 {
        format!("{sign}{grouped}")
    } else {
        let frac = format!("{frac:0>width$}", width = decimals as usize);
        format!("{sign}{grouped},{frac}")
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_danish_amount_reads_back(value in -9_999_999_999i64..9_999_999_999, decimals in 0u32..3) {
        let printed = danish(value, decimals);
        let amount = numbers::parse_amount(&printed);
        prop_assert!(amount.is_some(), "{printed} not read");
        let expected = value as f64 / 10f64.powi(decimals as i32);
        let got = amount.unwrap().value;
        prop_assert!((got - expected).abs() < 1e-6, "{printed}: {got} != {expected}");
    }

    #[test]
    fn a_danish_amount_with_a_unit_reads_back(value in 0i64..100_000, unit in prop::sample::select(vec!["mio. kr.", "kr.", "1.000 kr."])) {
        let printed = format!("{} {unit}", danish(value, 1));
        let amount = numbers::parse_amount(&printed).unwrap();
        prop_assert!((amount.value - value as f64 / 10.0).abs() < 1e-6, "{printed}");
        prop_assert!(amount.unit.is_some(), "{printed}: no unit");
    }

    #[test]
    fn a_date_in_any_common_shape_reads_back(y in 1990i32..2060, m in 1u32..13, d in 1u32..29, shape in 0usize..3) {
        let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december"];
        let text = match shape {
            0 => format!("Mødet den {d}. {} {y} kl. 16.00", months[m as usize - 1]),
            1 => format!("Mødedato: {d:02}-{m:02}-{y}"),
            _ => format!("BESLUTNING I BYRÅDET DEN {d:02}.{m:02}.{y}"),
        };
        let found = dates::first_date(&text);
        prop_assert_eq!(found, Some(format!("{y:04}-{m:02}-{d:02}")), "{}", text);
    }

    #[test]
    fn no_bytes_make_the_text_reader_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = referat::read::decode::decode(&bytes);
    }

    #[test]
    fn no_text_makes_the_parsers_panic(lines in prop::collection::vec(line(), 0..60)) {
        let text = lines.join("\n");
        let cleaned = referat::read::clean::clean(&text);
        let pages = vec![1; cleaned.lines.len()];
        for paged in [false, true] {
            let t = referat::read::Text {
                cleaned: cleaned.clone(),
                pages: if paged { pages.clone() } else { Vec::new() },
                ..Default::default()
            };
            let t = referat::parse::prepare(t);
            let source = referat::model::Source {
                path: "x.txt".into(),
                format: referat::model::Format::Text,
                bytes: text.len() as u64,
                pages: None,
                encoding: None,
            };
            let _ = referat::parse::document(&t, "id".into(), source);
        }
    }

    #[test]
    fn no_bytes_make_the_pdf_reader_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096), header in any::<bool>()) {
        let mut b = if header { b"%PDF-1.4\n".to_vec() } else { Vec::new() };
        b.extend(bytes);
        // errors are fine; a panic would escape the boundary and fail the test
        let _ = referat::pdf::pdf_text(std::path::Path::new("x.pdf"), &b);
        let _ = referat::pdf::recover::rebuild(&b);
    }
}

/// Lines that look like minutes: headings, item headers, decisions, numbers, tabs, noise.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-zæøåÆØÅ ,.:;()\\-]{0,60}",
        "(Punkt|Pkt\\.|Sag) [0-9]{1,3}[.:]? [A-ZÆØÅ][a-zæøå ]{0,30}",
        "[0-9]{1,3}\\. [A-ZÆØÅ][a-zæøå ]{0,40}",
        "(Beslutning|Indstilling|Sagsfremstilling|Økonomi|BESLUTNING I BYRÅDET DEN [0-9]{2}-[0-9]{2}-[0-9]{4})",
        "(Sagsnr\\.?:? )?[0-9]{2}[-/][0-9]{3,6}",
        "[A-Za-zæøå ]{1,20}\t[-0-9.,]{1,10}\t[-0-9.,]{1,10}( mio\\. kr\\.)?",
        "(at|- at|• at|[1-9]\\)) [a-zæøå ]{0,40}",
        "(Godkendt|Udsat|Taget til efterretning|Imod stemte [A-ZØ]{1,3})\\.?",
        ".{0,80}",
    ]
}
