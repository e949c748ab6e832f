//! HTML to lines, from the DOM (html5ever, through `scraper`): block elements are lines,
//! headings lines of their own, list items keep their bullet or number, tables become one
//! TAB-separated line per row with `colspan`/`rowspan` cells laid out on the grid, and script,
//! style, forms and navigation are dropped. Used for web pages (`page`) and for the HTML fields
//! of case-system exports (`lines`).

use scraper::{ElementRef, Html, Node};

use crate::parse::vocab;

/// Elements whose content is never text of the document.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "form", "select", "textarea", "svg",
    "iframe", "object", "input",
];
/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "address",
    "figure",
    "figcaption",
    "caption",
    "center",
    "hr",
    "ul",
    "ol",
    "body",
    "html",
    "fieldset",
    "details",
    "summary",
];

/// The lines of an HTML fragment (an HTML field of an export).
pub fn lines(fragment: &str) -> Vec<String> {
    let html = Html::parse_fragment(fragment);
    let mut w = Writer {
        field: true,
        ..Default::default()
    };
    w.children(html.root_element());
    w.finish()
}

/// Lines of an element of a parsed page, without the elements in `skip`.
pub fn element_lines<'a>(el: ElementRef<'a>, skip: &[ElementRef<'a>]) -> Vec<String> {
    let mut w = Writer {
        skip: skip.to_vec(),
        ..Default::default()
    };
    w.children(el);
    w.finish()
}

/// The plain text of an element on one line (cells, titles), spaces collapsed.
pub fn inline_text(el: ElementRef) -> String {
    let mut w = Writer::default();
    w.children(el);
    w.finish()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether an element is dropped as not being document text.
pub fn is_dropped(el: ElementRef) -> bool {
    let v = el.value();
    DROPPED.contains(&v.name())
        || v.attr("role")
            .is_some_and(|r| ["navigation", "menu", "dialog"].contains(&r.to_lowercase().as_str()))
        || v.attr("hidden").is_some()
        || v.attr("aria-hidden").is_some_and(|a| a == "true")
}

/// Whether a heading names a section the parsers know (`Indstilling`, `Beslutning i …`).
fn is_section_heading(line: &str) -> bool {
    let t = line.trim().trim_end_matches([':', '.']).to_lowercase();
    let first = t.split_whitespace().next().unwrap_or_default();
    vocab::HEADINGS
        .iter()
        .any(|(h, _)| *h == t || (*h == first && first == "beslutning"))
}

#[derive(Default)]
struct Writer<'a> {
    out: Vec<String>,
    cur: String,
    /// Open lists: `None` for bullets, `Some(next number)` for ordered lists.
    lists: Vec<Option<u32>>,
    /// Indices of heading lines in `out`.
    heads: Vec<usize>,
    /// Writing a field of an export, not a whole page.
    field: bool,
    /// Elements left out (what a page reader took as an item's number, title, case).
    skip: Vec<ElementRef<'a>>,
}

impl<'a> Writer<'a> {
    fn finish(mut self) -> Vec<String> {
        self.flush();
        // in a field, a heading with no text before the next heading that names no section
        // (a wrapper such as `Fremstilling` over `Resume`, `Indstilling`) heads nothing: it
        // goes (a page keeps its title over its subtitle)
        let mut empty: Vec<usize> = Vec::new();
        let heads = if self.field {
            self.heads.clone()
        } else {
            Vec::new()
        };
        for (k, &h) in heads.iter().enumerate() {
            let end = heads.get(k + 1).copied().unwrap_or(self.out.len());
            let bare = self.out[h + 1..end].iter().all(|l| l.trim().is_empty());
            if bare && end < self.out.len() && !is_section_heading(&self.out[h]) {
                empty.push(h);
            }
        }
        for h in empty.into_iter().rev() {
            self.out.remove(h);
        }
        while self.out.last().is_some_and(|l| l.is_empty()) {
            self.out.pop();
        }
        while self.out.first().is_some_and(|l| l.is_empty()) {
            self.out.remove(0);
        }
        self.out
    }

    fn flush(&mut self) {
        let line = self.cur.split_whitespace().collect::<Vec<_>>().join(" ");
        self.cur.clear();
        if !line.is_empty() {
            self.out.push(line);
        }
    }

    fn blank(&mut self) {
        self.flush();
        if self.out.last().is_some_and(|l| !l.is_empty()) {
            self.out.push(String::new());
        }
    }

    fn children(&mut self, el: ElementRef<'a>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.cur.push_str(&t.replace('\u{a0}', " ")),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.element(e);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, el: ElementRef<'a>) {
        if is_dropped(el) || self.skip.contains(&el) {
            return;
        }
        let name = el.value().name();
        match name {
            "br" => self.flush(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let text = inline_text(el);
                if !text.is_empty() {
                    self.blank();
                    self.heads.push(self.out.len());
                    self.out.push(text);
                }
            }
            // a layout table holding items the page reader took (a portal's agenda): its
            // other rows are plain lines, not a data table
            "table"
                if self
                    .skip
                    .iter()
                    .any(|s| s.ancestors().any(|a| a.id() == el.id())) =>
            {
                for row in own_rows(el) {
                    if !self.skip.contains(&row) {
                        self.flush();
                        self.children(row);
                        self.flush();
                    }
                }
            }
            "table" => {
                self.blank();
                let rows = table_rows(el);
                // a form of labels and values (`Mødedato:` | `8. oktober 2025`) is not a table
                let labelled = !rows.is_empty()
                    && rows
                        .iter()
                        .all(|r| r.len() <= 2 && r[0].trim_end().ends_with(':'));
                for row in rows {
                    if let Some(line) = numbered_title(&row) {
                        self.out.push(line);
                    } else {
                        self.out.push(row.join(if labelled { " " } else { "\t" }));
                    }
                }
                self.blank();
            }
            "ul" | "ol" => {
                self.flush();
                let start = el.value().attr("start").and_then(|s| s.trim().parse().ok());
                self.lists
                    .push((name == "ol").then_some(start.unwrap_or(1)));
                self.children(el);
                self.lists.pop();
                self.flush();
            }
            "li" => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                };
                self.cur.push_str(&marker);
                self.children(el);
                // a list item with no text of its own leaves no marker behind
                if self.cur.trim() == marker.trim() {
                    self.cur.clear();
                }
                self.flush();
            }
            "td" | "th" => {
                self.children(el);
                self.cur.push(' ');
            }
            "tr" => {
                self.flush();
                self.children(el);
                self.flush();
            }
            _ if BLOCKS.contains(&name) => {
                self.flush();
                self.children(el);
                self.flush();
            }
            _ => self.children(el),
        }
    }
}

/// The rows of a table as cells on a grid: a body cell spanning columns or rows fills its first
/// slot and leaves the others empty; rows with no text are dropped. The header rows at the top
/// (in `<thead>`, or made of `<th>` cells only) become one header row, a spanning header cell
/// heading every column under it (`Budget (1.000 kr.)` over `2024` and `2025` gives
/// `Budget (1.000 kr.) 2024`, `Budget (1.000 kr.) 2025`). Nested tables are flattened into
/// their cell.
pub fn table_rows(table: ElementRef) -> Vec<Vec<String>> {
    let mut grid: Vec<Vec<Option<String>>> = Vec::new();
    let rows: Vec<ElementRef> = own_rows(table);
    let header_rows = rows.iter().take_while(|r| is_header_row(r)).count();
    for (r, row) in rows.iter().enumerate() {
        if grid.len() <= r {
            grid.push(Vec::new());
        }
        let mut c = 0;
        for cell in row.child_elements() {
            let n = cell.value().name();
            if n != "td" && n != "th" {
                continue;
            }
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let span = |a: &str| {
                cell.value()
                    .attr(a)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 200)
            };
            let (cols, rowspan) = (span("colspan"), span("rowspan").min(rows.len() - r));
            let text = inline_text(cell);
            for dr in 0..rowspan {
                while grid.len() <= r + dr {
                    grid.push(Vec::new());
                }
                let line = &mut grid[r + dr];
                for dc in 0..cols {
                    if line.len() <= c + dc {
                        line.resize(c + dc + 1, None);
                    }
                    // a header cell heads every column and header row it spans
                    let first = dr == 0 && dc == 0;
                    let heading = r + dr < header_rows;
                    line[c + dc] = Some(if first || heading {
                        text.clone()
                    } else {
                        String::new()
                    });
                }
            }
            c += cols;
        }
    }
    let mut rows: Vec<Vec<String>> = grid
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(Option::unwrap_or_default)
                .collect::<Vec<_>>()
        })
        .collect();
    if header_rows > 1 {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let merged: Vec<String> = (0..width)
            .map(|c| {
                let mut parts: Vec<&str> = Vec::new();
                for row in &rows[..header_rows] {
                    let t = row.get(c).map_or("", |s| s.trim());
                    if !t.is_empty() && parts.last() != Some(&t) {
                        parts.push(t);
                    }
                }
                parts.join(" ")
            })
            .collect();
        rows.splice(..header_rows, [merged]);
    }
    rows.into_iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .collect()
}

/// A row of a number and a title only (`2.` | `Budgetopfølgning`), as case systems lay out an
/// item's header in a table: one line `2. Budgetopfølgning`, not a table row.
fn numbered_title(row: &[String]) -> Option<String> {
    let cells: Vec<&str> = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let [number, title] = cells[..] else {
        return None;
    };
    let digits = number.trim_end_matches('.');
    let is_number =
        !digits.is_empty() && digits.len() <= 3 && digits.chars().all(|c| c.is_ascii_digit());
    let is_title = title.chars().next().is_some_and(char::is_alphabetic);
    (is_number && is_title).then(|| format!("{digits}. {title}"))
}

/// Whether a row heads its table: it sits in `<thead>`, or all its cells are `<th>`.
fn is_header_row(row: &ElementRef) -> bool {
    let in_head = row
        .parent()
        .and_then(ElementRef::wrap)
        .is_some_and(|p| p.value().name() == "thead");
    let cells: Vec<&str> = row
        .child_elements()
        .map(|c| c.value().name())
        .filter(|n| *n == "td" || *n == "th")
        .collect();
    in_head || (!cells.is_empty() && cells.iter().all(|n| *n == "th"))
}

/// The rows of this table, not of tables nested in its cells.
fn own_rows(table: ElementRef) -> Vec<ElementRef> {
    let mut rows = Vec::new();
    for child in table.child_elements() {
        match child.value().name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => {
                rows.extend(child.child_elements().filter(|e| e.value().name() == "tr"))
            }
            _ => {}
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_lists_headings_and_tables() {
        let l = lines(
            "<div><h3>Indstilling</h3><div>Direktøren indstiller,</div><ul><li>at a</li><li>at b</li></ul>\
             <ol><li>første</li><li>anden</li></ol><p>Et&nbsp;afsnit<br>næste linje</p>\
             <script>x()</script><table><tr><td colspan=2>Overskrift</td></tr>\
             <tr><td rowspan=2>Center</td><td>1.234</td></tr><tr><td>5,6</td></tr></table></div>",
        );
        assert_eq!(
            l,
            [
                "Indstilling",
                "Direktøren indstiller,",
                "- at a",
                "- at b",
                "1. første",
                "2. anden",
                "Et afsnit",
                "næste linje",
                "",
                "Overskrift\t",
                "Center\t1.234",
                "\t5,6",
            ]
        );
    }

    #[test]
    fn header_rows_become_one_header_that_spanning_cells_head() {
        let l = lines(
            "<table><thead><tr><th rowspan=2>Område</th><th colspan=2>Budget (1.000 kr.)</th></tr>\
             <tr><th>2024</th><th>2025</th></tr></thead>\
             <tr><td>Skoler</td><td>2.504,7</td><td>2.600,0</td></tr></table>",
        );
        assert_eq!(
            l,
            [
                "Område\tBudget (1.000 kr.) 2024\tBudget (1.000 kr.) 2025",
                "Skoler\t2.504,7\t2.600,0",
            ]
        );
    }

    #[test]
    fn a_number_and_a_title_in_a_table_row_are_an_item_header() {
        let l = lines(
            "<table><tr><td>2.</td><td>Budgetopfølgning</td></tr>\
             <tr><td>Skoler</td><td>2.504,7</td></tr></table>",
        );
        assert_eq!(l, ["2. Budgetopfølgning", "Skoler\t2.504,7"]);
    }
}
