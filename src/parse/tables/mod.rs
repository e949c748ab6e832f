//! Tables as text carries them: tab-separated rows (HTML tables arrive here as tabs too), their
//! header lines, wrapped cells and group labels put back together; tables flattened onto one
//! line are read by `flattened`. `find` runs both finders over a run of lines.

mod flattened;
mod found;
mod shape;
mod tab;

use flattened::flattened;
pub use found::Found;
use tab::tab_tables;

/// Finds the tables in `lines`.
pub fn find(lines: &[String]) -> Vec<Found> {
    let mut out = tab_tables(lines);
    for (i, line) in lines.iter().enumerate() {
        if line.contains('\t') {
            continue;
        }
        if let Some(t) = flattened(line, i) {
            out.push(t);
        }
    }
    out.sort_by_key(|t| t.first_line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_table_with_blank_lines_between_rows() {
        let lines: Vec<String> =
            "Oversigt:\nInitiativ\tStatus\n1) A\tI gang\n\n2) B\tAfsluttet\nTekst."
                .lines()
                .map(String::from)
                .collect();
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].header, vec!["Initiativ", "Status"]);
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(t[0].caption.as_deref(), Some("Oversigt"));
    }

    #[test]
    fn a_unit_line_under_the_caption_and_a_caption_under_the_table() {
        let lines: Vec<String> = "Tabel 2. Driftsudgifter\n(i 1.000 kr.)\nPost\tBeløb\nDrift\t1.200\n\nTekst her.\n\nPost\tBeløb\nAnlæg\t300\nTabel 3: Anlæg i alt\n\nMere tekst."
            .lines()
            .map(String::from)
            .collect();
        let t = find(&lines);
        assert_eq!(t.len(), 2);
        assert_eq!(
            t[0].caption.as_deref(),
            Some("Tabel 2. Driftsudgifter (i 1.000 kr.)")
        );
        assert_eq!(t[1].caption.as_deref(), Some("Tabel 3: Anlæg i alt"));
        // a price basis line is the caption's too
        let lines: Vec<String> = "Tabel 4. Anlæg\n(2025-priser)\nPost\tBeløb\nA\t1"
            .lines()
            .map(String::from)
            .collect();
        assert_eq!(
            find(&lines)[0].caption.as_deref(),
            Some("Tabel 4. Anlæg (2025-priser)")
        );
    }

    #[test]
    fn wrapped_labels_and_group_labels_stay_in_the_table() {
        let lines: Vec<String> = "X\tA\tB\nDet skattefinansierede\t-9.922\t-24.931\nområde i alt\nFinansieringsoversigt\nLåneoptagelse\t-17.683\t-31.672"
            .lines()
            .map(String::from)
            .collect();
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows[0][0], "Det skattefinansierede område i alt");
        assert_eq!(t[0].rows[1], vec!["Finansieringsoversigt"]);
        assert_eq!(t[0].rows[2][0], "Låneoptagelse");
    }

    #[test]
    fn pdf_layout_tables_are_reshaped() {
        let lines: Vec<String> = "Resultat (mio. kr.)\tOpr.\tKorr.\tForv. afvigelse fra\nbudget\tbudget\tkor.budget\nIndtægter – skatter og generelle\t-3.269,2\t-3.259,7\t0,0\ntilskud\nRenter\t1,4\t-2,9\t5,8\nGreve\t225\nI alt\t-3.267,8\t-3.262,6\t5,8"
            .lines()
            .map(String::from)
            .collect();
        let t = &find(&lines)[0];
        assert_eq!(
            t.header,
            vec![
                "Resultat (mio. kr.)",
                "Opr. budget",
                "Korr. budget",
                "Forv. afvigelse fra kor.budget"
            ]
        );
        assert_eq!(t.rows[0][0], "Indtægter – skatter og generelle tilskud");
        assert_eq!(t.rows[2], vec!["Greve", "", "", "225"]);
        assert_eq!(t.rows.len(), 4);
    }

    #[test]
    fn group_labels_captions_and_new_headers_inside_tables() {
        let lines: Vec<String> = "Nr. Projekt\t2025\n331 Pulje\t9.111\nUdmøntes:\nEl tavler\t1.500\nRør\t500\nTABEL 3 – EFFEKT\n\tÅr 1\tÅr 2\nEtablering\t2.890\t2.454\nFondsmoms\nÅr\tBevilling (kr.)\tFondsmoms (kr.)\n2025\t1.055.206\t184.661,05"
            .lines()
            .map(String::from)
            .collect();
        let t = find(&lines);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[0].rows[1], vec!["Udmøntes:"]);
        assert_eq!(t[0].rows.len(), 4);
        assert_eq!(t[1].header, vec!["", "År 1", "År 2"]);
        assert_eq!(
            t[2].header,
            vec!["År", "Bevilling (kr.)", "Fondsmoms (kr.)"]
        );
        assert_eq!(t[2].caption.as_deref(), Some("Fondsmoms"));
    }

    #[test]
    fn years_under_header_cells_and_label_tails_with_figures() {
        let lines: Vec<String> = "Model 2\tBudget\tForventet\n\t2025\t2026\nAntal borgere (50% u.\t10\t25\ngulvvask og 50% med\nRobotstøvsuger\t8.820\t22.932"
            .lines()
            .map(String::from)
            .collect();
        let t = find(&lines);
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(
            t[0].header,
            vec!["Model 2", "Budget 2025", "Forventet 2026"]
        );
        assert_eq!(t[0].rows[0][0], "Antal borgere (50% u. gulvvask og 50% med");
        assert_eq!(t[0].rows.len(), 2);
    }

    #[test]
    fn a_short_line_above_a_table_of_figures_heads_its_label_column() {
        let lines: Vec<String> = [
            "TABEL 1 – ETABLERING",
            "",
            "Etableringsomkostning",
            "Flytning af skranker\t125.000",
            "Etablering af ABA\t2.500.000",
        ]
        .map(String::from)
        .to_vec();
        let t = &find(&lines)[0];
        assert_eq!(t.header, ["Etableringsomkostning"]);
        assert_eq!(t.rows[0], ["Flytning af skranker", "125.000"]);
        assert_eq!(t.caption.as_deref(), Some("TABEL 1 – ETABLERING"));
    }

    #[test]
    fn a_group_label_is_not_folded_into_the_row_above() {
        let lines: Vec<String> = [
            "Nr.\tProjekt\tBeløb i t.kr.",
            "331\tGenopretningspuljen\t9.111",
            "\tBrand\t1.361",
            "\tForanalyse på rådhuset:\t",
            "\tFacader og helhedsplan\t200",
        ]
        .map(String::from)
        .to_vec();
        let t = &find(&lines)[0];
        assert_eq!(t.rows[1][1], "Brand");
        assert_eq!(t.rows[2][1], "Foranalyse på rådhuset:");
    }

    #[test]
    fn a_long_label_wraps_into_a_long_tail() {
        let lines: Vec<String> = [
            "Aktivitet\tBudget (kr.)",
            "Foredrag om frivilligmiljøer med fokus på fastholdelse af frivillige og\t10.000",
            "rolleklarhed ved konsulentvirksomheden Ingerfair",
            "Musik til middagen\t2.500",
        ]
        .map(String::from)
        .to_vec();
        let t = &find(&lines)[0];
        assert_eq!(t.rows.len(), 2, "{:?}", t.rows);
        assert!(t.rows[0][0].ends_with("og rolleklarhed ved konsulentvirksomheden Ingerfair"));
    }

    #[test]
    fn a_group_label_after_a_blank_line_keeps_the_header() {
        let lines: Vec<String> = [
            "Låneadgang (mio. kr.)\tKorrigeret budget 2024\tForventet låneramme 2024",
            "",
            "Generel låneadgang:",
            "Energibesparende tiltag\t-33,150\t-24,616",
            "Sum\t-33,750\t-40,589",
        ]
        .map(String::from)
        .to_vec();
        let found = find(&lines);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].header[1], "Korrigeret budget 2024");
        assert_eq!(found[0].rows[0], ["Generel låneadgang:"]);
        assert_eq!(found[0].rows[1][1], "-33,150");
    }
}
