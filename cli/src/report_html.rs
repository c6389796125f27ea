//! The period report as one self-contained, printable HTML page (A4):
//! inline CSS and SVG, no script, no external resource. Templated with
//! maud (compile-time checked markup, escaping by default); the two charts
//! are drawn here as plain SVG shapes with their values printed and a
//! `<title>` on each mark.

use chrono::{DateTime, Utc};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use reglament::i18n::Lang;
use reglament::model::{Metric, Priority};
use reglament::report::period::{Bucketing, Report, Row};
use reglament::Regulation;

/// The page's words in one language.
struct Words {
    title: &'static str,
    contract: &'static str,
    customer: &'static str,
    contractor: &'static str,
    system: &'static str,
    period: &'static str,
    produced: &'static str,
    read_at: &'static str,
    requests: &'static str,
    versions: &'static str,
    merkle: &'static str,
    headline: &'static str,
    metric: &'static str,
    counted: &'static str,
    on_time: &'static str,
    breached: &'static str,
    open: &'static str,
    rejected: &'static str,
    pct: &'static str,
    pct_original: &'static str,
    target: &'static str,
    chart1: &'static str,
    chart1_desc: &'static str,
    chart2: &'static str,
    chart2_desc: &'static str,
    median: &'static str,
    max: &'static str,
    groups: &'static str,
    category: &'static str,
    priority: &'static str,
    mean: &'static str,
    breaches: &'static str,
    request: &'static str,
    due: &'static str,
    original_due: &'static str,
    met: &'static str,
    not_met: &'static str,
    over: &'static str,
    extensions: &'static str,
    only_original: &'static str,
    open_list: &'static str,
    started: &'static str,
    state: &'static str,
    read_list: &'static str,
    head: &'static str,
    refused: &'static str,
    none: &'static str,
    example_sla: &'static str,
    bucket: &'static str,
    note: &'static str,
}

const EN: Words = Words {
    title: "SLA report",
    contract: "Contract",
    customer: "Customer",
    contractor: "Contractor",
    system: "System",
    period: "Period",
    produced: "Produced at",
    read_at: "Clocks read at",
    requests: "Requests read",
    versions: "Regulation versions (fingerprints)",
    merkle: "Merkle root of the requests' chain heads",
    headline: "On time per metric",
    metric: "Metric",
    counted: "Counted",
    on_time: "On time",
    breached: "Breached",
    open: "Open",
    rejected: "Rejected",
    pct: "% on time",
    pct_original: "% on time (original due)",
    target: "Target",
    chart1: "% on time per bucket and metric",
    chart1_desc: "Bars: the share of clocks met by their due (with extensions) among those whose outcome fell in the bucket.",
    chart2: "Working time to resolve, per priority",
    chart2_desc: "Bar: up to the 90th percentile; mark: the median; whisker: the longest. Working hours:minutes.",
    median: "median",
    max: "max",
    groups: "Per category and priority",
    category: "Category",
    priority: "Priority",
    mean: "mean",
    breaches: "Breaches",
    request: "Request",
    due: "Due",
    original_due: "Original due",
    met: "Met",
    not_met: "not met",
    over: "Over (h:mm)",
    extensions: "Extensions (evidence)",
    only_original: "original due only",
    open_list: "Open at the period's end",
    started: "Started",
    state: "State",
    read_list: "Requests read",
    head: "Chain head",
    refused: "Refused events / error",
    none: "none",
    example_sla: "The SLA table is the shipped example, not an agreed one.",
    bucket: "Bucket",
    note: "Counted as in DESIGN §6: a clock counts where its outcome falls (met on time: when met; breached: at its due); open clocks are listed, not counted.",
};

const UK: Words = Words {
    title: "Звіт про дотримання SLA",
    contract: "Договір",
    customer: "Замовник",
    contractor: "Виконавець",
    system: "Система",
    period: "Період",
    produced: "Сформовано",
    read_at: "Стан годинників на",
    requests: "Прочитано заявок",
    versions: "Версії регламенту (відбитки)",
    merkle: "Корінь Меркла голів ланцюжків заявок",
    headline: "Вчасно за показниками",
    metric: "Показник",
    counted: "Враховано",
    on_time: "Вчасно",
    breached: "Порушено",
    open: "Відкрито",
    rejected: "Відхилено",
    pct: "% вчасно",
    pct_original: "% вчасно (початковий строк)",
    target: "Ціль",
    chart1: "% вчасно за періодами і показниками",
    chart1_desc: "Стовпці: частка годинників, виконаних до строку (з продовженнями), серед тих, чий результат припав на період.",
    chart2: "Робочий час до вирішення за пріоритетами",
    chart2_desc: "Смуга: до 90-го процентиля; позначка: медіана; вус: найдовший. Робочі години:хвилини.",
    median: "медіана",
    max: "макс.",
    groups: "За категоріями і пріоритетами",
    category: "Категорія",
    priority: "Пріоритет",
    mean: "середнє",
    breaches: "Порушення",
    request: "Заявка",
    due: "Строк",
    original_due: "Початковий строк",
    met: "Виконано",
    not_met: "не виконано",
    over: "Понад строк (г:хх)",
    extensions: "Продовження (підтвердження)",
    only_original: "лише початковий строк",
    open_list: "Відкриті на кінець періоду",
    started: "Початок",
    state: "Стан",
    read_list: "Прочитані заявки",
    head: "Голова ланцюжка",
    refused: "Відхилені події / помилка",
    none: "немає",
    example_sla: "Таблиця SLA — приклад із поставки, а не погоджена.",
    bucket: "Період",
    note: "Підрахунок за DESIGN §6: годинник враховано там, де його результат (вчасно — момент виконання; порушено — строк); відкриті перелічено, але не враховано.",
};

const CSS: &str = r#"
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.35 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; margin: 0 auto; padding: 12px; max-width: 1200px; }
h1 { font-size: 16pt; margin: 0 0 4px; }
h2 { font-size: 12.5pt; margin: 16px 0 6px; border-bottom: 1px solid #999; }
header { border-bottom: 2px solid #234; padding-bottom: 6px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1px 12px; margin: 6px 0; }
dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }
code.hash { font-size: 8pt; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { border: 1px solid #bbb; padding: 2px 5px; vertical-align: top; }
th { background: #eef1f5; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.bad { color: #a00; font-weight: bold; }
.good { color: #064; }
.note { color: #444; font-size: 8.5pt; }
figure { margin: 6px 0 10px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; }
svg { width: 100%; height: auto; max-width: 180mm; display: block; }
svg text { font-family: inherit; font-size: 11px; fill: #222; }
section.newpage { break-before: page; page-break-before: always; }
#groups, #breaches, #open, #requests { font-size: 8.5pt; }
#groups th, #groups td { padding: 2px 3px; }
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } }
"#;

const COLORS: [&str; 3] = ["#2c6fbb", "#e08a1e", "#3a9a5b"];

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Uk => &UK,
        Lang::En => &EN,
    }
}

fn hm(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{}:{:02}", s / 3600, s / 60 % 60)
}

fn pct(p: Option<f64>) -> String {
    p.map_or("—".to_string(), |p| format!("{p:.1}"))
}

fn local(zone: &Regulation, t: DateTime<Utc>) -> String {
    t.with_timezone(&zone.calendar().timezone())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn local_opt(zone: &Regulation, t: Option<DateTime<Utc>>, none: &str) -> String {
    t.map_or(none.to_string(), |t| local(zone, t))
}

/// The whole-period total of `metric`.
fn total(report: &Report, metric: Metric) -> Option<&Row> {
    report
        .totals
        .iter()
        .find(|r| r.bucket.is_none() && r.metric == metric)
}

/// Bars of % on time: one group per bucket, one bar per metric.
fn chart_percent(report: &Report, w: &Words, lang: Lang) -> Markup {
    let labels: Vec<(String, Option<&str>)> = if report.period.by == Bucketing::None {
        vec![(w.period.to_string(), None)]
    } else {
        report
            .buckets
            .iter()
            .map(|b| (b.label.clone(), Some(b.label.as_str())))
            .collect()
    };
    let (left, top, plot_h, bottom) = (38.0, 14.0, 170.0, 46.0);
    let width = 720.0;
    let group_w = (width - left - 12.0) / labels.len().max(1) as f64;
    let height = top + plot_h + bottom;
    let bar_w = group_w * 0.8 / 3.0;
    // many buckets (weeks of a year): every step-th label, values on hover only
    let step = labels.len().div_ceil(13).max(1);
    let print_values = labels.len() <= 24;
    let y = |p: f64| top + plot_h * (1.0 - p / 100.0);
    html! {
        figure {
            figcaption id="chart-percent-title" { (w.chart1) }
            svg viewBox=(format!("0 0 {width:.0} {height:.0}")) role="img"
                aria-labelledby="chart-percent-title chart-percent-desc" {
                title { (w.chart1) }
                desc id="chart-percent-desc" { (w.chart1_desc) }
                @for g in [0.0, 25.0, 50.0, 75.0, 100.0] {
                    line x1=(left) x2=(format!("{:.1}", width - 8.0)) y1=(format!("{:.1}", y(g)))
                        y2=(format!("{:.1}", y(g))) stroke="#ddd" {}
                    text x=(left - 4.0) y=(format!("{:.1}", y(g) + 3.0)) text-anchor="end" { (g) "%" }
                }
                @if let Some(t) = report.target_percent {
                    line x1=(left) x2=(format!("{:.1}", width - 8.0)) y1=(format!("{:.1}", y(t)))
                        y2=(format!("{:.1}", y(t))) stroke="#a00" stroke-dasharray="4 3" {
                        title { (w.target) " " (format!("{t:.1}")) " %" }
                    }
                }
                @for (i, (label, key)) in labels.iter().enumerate() {
                    @let x0 = left + group_w * i as f64 + group_w * 0.1;
                    @for (m, metric) in Metric::ALL.iter().enumerate() {
                        @let row = report.totals.iter().find(|r| r.bucket.as_deref() == *key && r.metric == *metric);
                        @let x = x0 + bar_w * m as f64;
                        @if let Some(p) = row.and_then(|r| r.extended.percent_on_time) {
                            @let r = row.map(|r| r.extended).unwrap_or_default();
                            rect x=(format!("{x:.1}")) y=(format!("{:.1}", y(p))) width=(format!("{:.1}", bar_w - 1.0))
                                height=(format!("{:.1}", plot_h * p / 100.0)) fill=(COLORS[m % 3])
                                data-bucket=(label) data-metric=(metric.code()) data-percent=(format!("{p:.1}")) {
                                title { (metric.label(lang)) ", " (label) ": " (format!("{p:.1}")) " % (" (r.on_time) "/" (r.counted) ")" }
                            }
                            @if print_values {
                                text x=(format!("{:.1}", x + bar_w / 2.0)) y=(format!("{:.1}", y(p) - 2.0))
                                    text-anchor="middle" font-size=(if bar_w < 24.0 { "6.5" } else { "8" }) { (format!("{p:.1}")) }
                            }
                        } @else if print_values {
                            text x=(format!("{:.1}", x + bar_w / 2.0)) y=(format!("{:.1}", y(0.0) - 2.0))
                                text-anchor="middle" font-size="8" { "—" }
                        }
                    }
                    @if i % step == 0 {
                        text x=(format!("{:.1}", x0 + group_w * 0.4)) y=(format!("{:.1}", top + plot_h + 14.0))
                            text-anchor="middle" font-size=(if labels.len() > 12 { "8" } else { "10" }) { (label) }
                    }
                }
                @for (m, metric) in Metric::ALL.iter().enumerate() {
                    rect x=(format!("{:.1}", left + 150.0 * m as f64)) y=(format!("{:.1}", height - 18.0))
                        width="10" height="10" fill=(COLORS[m % 3]) {}
                    text x=(format!("{:.1}", left + 14.0 + 150.0 * m as f64)) y=(format!("{:.1}", height - 9.0)) {
                        (metric.label(lang))
                    }
                }
            }
        }
    }
}

/// Working time to resolve per priority: bar to p90, median mark, whisker to max.
fn chart_resolve(report: &Report, w: &Words, lang: Lang) -> Markup {
    let rows: Vec<(Priority, Option<&Row>)> = Priority::ALL
        .iter()
        .map(|p| {
            (
                *p,
                report
                    .priorities
                    .iter()
                    .find(|r| r.metric == Metric::Resolution && r.priority == Some(*p)),
            )
        })
        .collect();
    let max = rows
        .iter()
        .filter_map(|(_, r)| r.and_then(|r| r.time_to_meet).map(|d| d.max))
        .max()
        .unwrap_or(0)
        .max(3600) as f64;
    let (left, plot_w, row_h, top) = (90.0, 380.0, 30.0, 8.0);
    let height = top + row_h * rows.len() as f64 + 8.0;
    let x = |s: i64| left + plot_w * (s as f64 / max);
    html! {
        figure {
            figcaption id="chart-resolve-title" { (w.chart2) }
            svg viewBox=(format!("0 0 720 {height:.0}")) role="img"
                aria-labelledby="chart-resolve-title chart-resolve-desc" {
                title { (w.chart2) }
                desc id="chart-resolve-desc" { (w.chart2_desc) }
                line x1=(left) x2=(left) y1=(top) y2=(format!("{:.1}", height - 8.0)) stroke="#888" {}
                @for (i, (p, row)) in rows.iter().enumerate() {
                    @let yc = top + row_h * i as f64 + row_h / 2.0;
                    text x=(left - 6.0) y=(format!("{:.1}", yc + 3.0)) text-anchor="end" { (p.label(lang)) }
                    @if let Some(d) = row.and_then(|r| r.time_to_meet) {
                        line x1=(format!("{:.1}", x(d.p90))) x2=(format!("{:.1}", x(d.max))) y1=(format!("{yc:.1}"))
                            y2=(format!("{yc:.1}")) stroke="#555" {}
                        rect x=(left) y=(format!("{:.1}", yc - 7.0)) width=(format!("{:.1}", x(d.p90) - left))
                            height="14" fill="#9cc3e6" data-priority=(p.code()) data-p90=(d.p90) {
                            title { (p.label(lang)) ": p90 " (hm(d.p90)) }
                        }
                        rect x=(format!("{:.1}", x(d.median) - 1.5)) y=(format!("{:.1}", yc - 9.0)) width="3"
                            height="18" fill="#123" data-median=(d.median) {
                            title { (p.label(lang)) ": " (w.median) " " (hm(d.median)) }
                        }
                        line x1=(format!("{:.1}", x(d.max))) x2=(format!("{:.1}", x(d.max))) y1=(format!("{:.1}", yc - 5.0))
                            y2=(format!("{:.1}", yc + 5.0)) stroke="#555" {
                            title { (p.label(lang)) ": " (w.max) " " (hm(d.max)) }
                        }
                        text x=(format!("{:.1}", left + plot_w + 12.0)) y=(format!("{:.1}", yc + 3.0)) {
                            (w.median) " " (hm(d.median)) " · p90 " (hm(d.p90)) " · " (w.max) " " (hm(d.max)) " (n=" (d.count) ")"
                        }
                    } @else {
                        text x=(format!("{:.1}", left + 6.0)) y=(format!("{:.1}", yc + 3.0)) { "—" }
                    }
                }
            }
        }
    }
}

/// The page.
pub fn page(report: &Report, zone: &Regulation, lang: Lang) -> String {
    let w = words(lang);
    let first = report.regulations.first();
    let c = first.map(|v| &v.contract);
    let markup = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (w.title) " " (report.period.from) " — " (report.period.to) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { (w.title) }
                    dl.meta {
                        @if let Some(c) = c {
                            dt { (w.contract) } dd { "№ " (c.number) ", " (c.date.to_string()) }
                            dt { (w.customer) } dd { (c.customer) }
                            dt { (w.contractor) } dd { (c.contractor) }
                            dt { (w.system) } dd { (c.system_name) " / " (c.software_name) }
                        }
                        dt { (w.period) }
                        dd #period data-from=(report.period.from) data-to=(report.period.to) {
                            "[" (report.period.from) ", " (report.period.to) ") " (report.period.timezone)
                        }
                        dt { (w.produced) } dd { (local(zone, report.now)) }
                        dt { (w.read_at) } dd { (local(zone, report.read_at)) }
                        dt { (w.requests) } dd #requests-read { (report.requests_read) }
                        dt { (w.versions) }
                        dd {
                            @for v in &report.regulations {
                                div {
                                    @if let Some(id) = &v.id { (id) " " }
                                    @if let Some(ver) = &v.version { (ver) " " }
                                    @if let Some(f) = &v.effective_from { "(" (f) ") " }
                                    code.hash.fingerprint { (v.fingerprint) }
                                }
                                @if v.sla_example { div.note { (w.example_sla) } }
                            }
                        }
                        dt { (w.merkle) } dd { code.hash #merkle-root { (report.merkle_root) } }
                    }
                    p.note { (w.note) }
                }
                main {
                    h2 { (w.headline) }
                    table #headline {
                        thead { tr {
                            th { (w.metric) } th { (w.counted) } th { (w.on_time) } th { (w.breached) }
                            th { (w.open) } th { (w.rejected) } th { (w.pct) } th { (w.pct_original) } th { (w.target) }
                        } }
                        tbody {
                            @for metric in Metric::ALL {
                                @if let Some(r) = total(report, *metric) {
                                    @let below = matches!((r.extended.percent_on_time, report.target_percent), (Some(p), Some(t)) if p < t);
                                    tr data-metric=(metric.code()) {
                                        td { (metric.label(lang)) }
                                        td.n data-field="counted" { (r.extended.counted) }
                                        td.n data-field="on_time" { (r.extended.on_time) }
                                        td.n data-field="breached" { (r.extended.breached) }
                                        td.n data-field="open" { (r.open.unwrap_or(0)) }
                                        td.n data-field="rejected" { (r.rejected) }
                                        td.n.bad[below] data-field="percent_on_time" { (pct(r.extended.percent_on_time)) }
                                        td.n data-field="percent_on_time_original" { (pct(r.original.percent_on_time)) }
                                        td.n { (report.target_percent.map_or("—".to_string(), |t| format!("{t:.1}"))) }
                                    }
                                }
                            }
                        }
                    }
                    (chart_percent(report, w, lang))
                    (chart_resolve(report, w, lang))
                    section.newpage {
                        h2 { (w.groups) }
                        table #groups {
                            thead { tr {
                                th { (w.metric) } th { (w.category) } th { (w.priority) } th { (w.counted) }
                                th { (w.on_time) } th { (w.breached) } th { (w.open) } th { (w.pct) } th { (w.pct_original) }
                                th { (w.mean) } th { (w.median) } th { "p90" } th { (w.max) }
                            } }
                            tbody {
                                @for r in report.groups.iter().filter(|r| r.bucket.is_none()) {
                                    tr {
                                        td { (r.metric.label(lang)) }
                                        td { (r.category.map_or("", |c| c.label(lang))) }
                                        td { (r.priority.map_or("", |p| p.label(lang))) }
                                        td.n { (r.extended.counted) }
                                        td.n { (r.extended.on_time) }
                                        td.n { (r.extended.breached) }
                                        td.n { (r.open.unwrap_or(0)) }
                                        td.n { (pct(r.extended.percent_on_time)) }
                                        td.n { (pct(r.original.percent_on_time)) }
                                        @if let Some(d) = r.time_to_meet {
                                            td.n { (hm(d.mean)) } td.n { (hm(d.median)) } td.n { (hm(d.p90)) } td.n { (hm(d.max)) }
                                        } @else {
                                            td.n { "—" } td.n { "—" } td.n { "—" } td.n { "—" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    section.newpage {
                        h2 { (w.breaches) " (" (report.breaches.len()) ")" }
                        @if report.breaches.is_empty() {
                            p { (w.none) }
                        } @else {
                            table #breaches {
                                thead { tr {
                                    th { (w.request) } th { (w.metric) } th { (w.bucket) } th { (w.category) " / " (w.priority) }
                                    th { (w.due) } th { (w.original_due) } th { (w.met) } th { (w.over) } th { (w.extensions) }
                                } }
                                tbody {
                                    @for b in &report.breaches {
                                        tr {
                                            td { (b.request) }
                                            td { (b.metric.label(lang)) @if !b.by_extended_due { br; span.note { (w.only_original) } } }
                                            td { (b.bucket) }
                                            td { (b.category.label(lang)) " / " (b.priority.label(lang)) }
                                            td.n { (local_opt(zone, b.due_at, "—")) }
                                            td.n { (local_opt(zone, b.original_due_at, "—")) }
                                            td.n { (local_opt(zone, b.met_at, w.not_met)) }
                                            td.n.bad { (hm(b.over_seconds)) }
                                            td {
                                                @for e in &b.extensions {
                                                    div {
                                                        (local(zone, e.at)) " " (e.by) ": "
                                                        @if let Some(d) = e.new_due { "→ " (local(zone, d)) }
                                                        @if let Some(s) = e.add_seconds { "+" (hm(s)) }
                                                        " " code { (e.evidence) }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        h2 { (w.open_list) " (" (report.open.len()) ")" }
                        @if report.open.is_empty() {
                            p { (w.none) }
                        } @else {
                            table #open {
                                thead { tr {
                                    th { (w.request) } th { (w.metric) } th { (w.category) " / " (w.priority) }
                                    th { (w.started) } th { (w.due) } th { (w.state) }
                                } }
                                tbody {
                                    @for o in &report.open {
                                        tr {
                                            td { (o.request) }
                                            td { (o.metric.label(lang)) }
                                            td { (o.category.label(lang)) " / " (o.priority.label(lang)) }
                                            td.n { (local(zone, o.started_at)) }
                                            td.n { (local_opt(zone, o.due_at, "—")) }
                                            td { (o.state.label(lang)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    section.newpage {
                        h2 { (w.read_list) " (" (report.requests.len()) ")" }
                        table #requests {
                            thead { tr { th { (w.request) } th { (w.head) } th { (w.refused) } } }
                            tbody {
                                @for r in &report.requests {
                                    tr {
                                        td { (r.id) }
                                        td { code.hash { (r.head.as_deref().unwrap_or("—")) } }
                                        td {
                                            @if let Some(e) = &r.error {
                                                span.bad { (e["code"].as_str().unwrap_or("")) ": " (e["message"].as_str().unwrap_or("")) }
                                            }
                                            @for x in &r.refused {
                                                div { "#" (x.index) " " (x.kind) " (" (x.clause) ", " (x.code) "): "
                                                    (match lang { Lang::Uk => &x.message_uk, Lang::En => &x.message_en }) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    markup.into_string()
}
