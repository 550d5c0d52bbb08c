//! Presenting a report one slide at a time: which slides a plan makes, what each holds, where
//! the deck stands and how a key or button moves it. The deck opens on the plan's summary (over
//! several slides when the plan is long), then gives each workload its decision, the map of where
//! the recommended option processes the prompt, its options side by side in short, and its notes
//! (reasons, further warnings, what to do instead) over as many slides as they need. Every slide
//! holds what fits on one screen in large type: the core cannot measure text, so it counts
//! lines of a conservative width ([`CHARS_PER_LINE`]) against a per-slide budget, and the
//! e2e test measures the result at projector and laptop sizes.

use crate::engine::Recommendation;
use crate::output::compare::{Cell, Comparison, ELIGIBLE, PRICE, PROCESSING, RESIDENCY_FIT};
use crate::output::evaluation::{PlanEvaluation, WorkloadEvaluation};
use std::ops::Range;

/// Characters a slide line holds at the least: large type on a 1366 px wide screen holds more.
pub const CHARS_PER_LINE: usize = 90;
/// Lines a slide's body holds below its heading (at 1366×768 about 18 fit).
const BODY_LINES: usize = 15;
/// Workloads on one summary slide at the most.
const SUMMARY_ROWS: usize = 5;
/// Lines a group heading on a notes slide takes.
const GROUP_HEADING_LINES: usize = 2;

/// One slide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slide {
    /// The plan's summary: these workloads (indices into the plan's).
    Summary(Range<usize>),
    /// A workload's decision, with the first `urgent` of its urgent warnings (the rest, if any,
    /// open its notes).
    Decision {
        /// The workload's index in the plan.
        workload: usize,
        /// How many urgent warnings the slide shows.
        urgent: usize,
    },
    /// Where the workload's recommended option may process the prompt, as a map.
    Map(usize),
    /// The workload's options side by side, in short (the report has the full table).
    Comparison(usize),
    /// Some of the workload's notes, in order.
    Notes {
        /// The workload's index in the plan.
        workload: usize,
        /// The notes on this slide.
        notes: Vec<Note>,
    },
}

/// One note on a notes slide: an index into the recommendation's warnings, reasons or
/// alternatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// A warning (urgent ones that did not fit the decision slide come first).
    Warning(usize),
    /// A reason for the decision.
    Reason(usize),
    /// Something to do instead, when nothing is recommended.
    Alternative(usize),
}

impl Note {
    /// The heading of the group of notes this one belongs to.
    pub fn group(self) -> &'static str {
        match self {
            Note::Warning(_) => "Warnings",
            Note::Reason(_) => "Why",
            Note::Alternative(_) => "What you could do instead",
        }
    }
}

/// How many slide lines `text` takes.
fn lines(text: &str) -> usize {
    text.chars().count().div_ceil(CHARS_PER_LINE).max(1)
}

/// Splits items of these sizes, in order, into runs that each fit `budget` lines (an item larger
/// than the budget gets a run of its own).
fn pack(sizes: &[usize], budget: usize) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, &size) in sizes.iter().enumerate() {
        if i > start && used + size > budget {
            runs.push(start..i);
            (start, used) = (i, 0);
        }
        used += size;
    }
    if start < sizes.len() {
        runs.push(start..sizes.len());
    }
    runs
}

/// One fact of a decision slide: its label and text; `code` when the text is an identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// What the fact is, such as `ID to call`.
    pub label: &'static str,
    /// The fact.
    pub text: String,
    /// The text is an identifier to copy (shown in code type).
    pub code: bool,
}

/// One option on a comparison slide: the comparison's column, in short.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionLine {
    /// The option, such as `Geographic (EU)`.
    pub label: String,
    /// The engine chose it.
    pub recommended: bool,
    /// Whether it is eligible, and if not the first reason (a residency failure in Regions and
    /// countries, not their names).
    pub eligible: Cell,
    /// Where it may process the prompt, in one line.
    pub processing: String,
    /// Its price per million tokens, or how it is billed.
    pub price: String,
}

/// The comparison's cell in row `label`, column `column`.
fn cell_at<'a>(comparison: &'a Comparison, label: &str, column: usize) -> Option<&'a Cell> {
    comparison
        .rows
        .iter()
        .find(|r| r.label == label)?
        .cells
        .get(column)
}

/// A comparison in short: one line per option.
pub fn option_lines(comparison: &Comparison) -> Vec<OptionLine> {
    let text = |label: &str, i: usize| {
        cell_at(comparison, label, i).map_or(String::new(), |c| c.lines.join(", "))
    };
    comparison
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let eligible = cell_at(comparison, RESIDENCY_FIT, i)
                .filter(|c| c.verdict == Some(false))
                .or_else(|| cell_at(comparison, ELIGIBLE, i));
            OptionLine {
                label: column.label.clone(),
                recommended: column.recommended,
                eligible: Cell {
                    lines: eligible
                        .and_then(|c| c.lines.first())
                        .cloned()
                        .into_iter()
                        .collect(),
                    more: Vec::new(),
                    verdict: eligible.and_then(|c| c.verdict),
                },
                processing: text(PROCESSING, i),
                price: text(PRICE, i),
            }
        })
        .collect()
}

/// The facts of a workload's decision slide, in order.
pub fn decision_facts(e: &WorkloadEvaluation<'_>) -> Vec<Fact> {
    let fact = |label, text: String| Fact {
        label,
        text,
        code: false,
    };
    let mut facts = vec![fact("Recommended", e.summary.option.clone())];
    if let Some(id) = &e.summary.call_id {
        facts.push(Fact {
            code: true,
            ..fact("ID to call", id.clone())
        });
    }
    facts.push(fact(
        "Processed and stored",
        format!("{} {}", e.summary.mark(), e.summary.verdict),
    ));
    facts.extend(
        e.chosen_facts()
            .into_iter()
            .filter(|(label, _)| *label != crate::output::compare::ENDPOINT)
            .map(|(label, lines)| fact(label, lines.join(" · "))),
    );
    facts
}

/// Lines the decision slide takes before its urgent warnings.
fn decision_lines(e: &WorkloadEvaluation<'_>) -> usize {
    // The line of model, source and obligation, then each fact.
    2 + decision_facts(e)
        .iter()
        .map(|f| lines(&format!("{}: {}", f.label, f.text)))
        .sum::<usize>()
}

/// The notes of a recommendation in slide order: urgent warnings from `shown` on, the reasons,
/// the other warnings, what to do instead.
fn notes(rec: &Recommendation, shown: usize) -> Vec<(Note, usize)> {
    let urgent = rec.warnings.iter().enumerate().filter(|(_, w)| w.urgent);
    let plain = rec.warnings.iter().enumerate().filter(|(_, w)| !w.urgent);
    urgent
        .skip(shown)
        .map(|(i, w)| (Note::Warning(i), lines(&w.text)))
        .chain(
            rec.reasons
                .iter()
                .enumerate()
                .map(|(i, r)| (Note::Reason(i), lines(&r.text))),
        )
        .chain(plain.map(|(i, w)| (Note::Warning(i), lines(&w.text))))
        .chain(
            rec.alternatives
                .iter()
                .enumerate()
                .map(|(i, _)| (Note::Alternative(i), 2)),
        )
        .collect()
}

/// A workload's slides: decision, map (when something is recommended), comparison, notes.
fn workload_slides(index: usize, e: &WorkloadEvaluation<'_>) -> Vec<Slide> {
    let rec = &e.recommendation;
    // Urgent warnings join the decision while they fit (the first always: it is the reason to
    // read on).
    let mut used = decision_lines(e) + 1;
    let mut urgent = 0;
    for w in rec.warnings.iter().filter(|w| w.urgent) {
        if urgent > 0 && used + lines(&w.text) > BODY_LINES {
            break;
        }
        used += lines(&w.text);
        urgent += 1;
    }
    let mut slides = vec![Slide::Decision {
        workload: index,
        urgent,
    }];
    if e.chosen().is_some() {
        slides.push(Slide::Map(index));
    }
    slides.push(Slide::Comparison(index));
    let notes = notes(rec, urgent);
    // Each group's heading counts against the first note of the group on a slide; counted on
    // every note, it keeps the estimate on the safe side.
    let sizes: Vec<usize> = notes.iter().map(|(_, s)| s + 1).collect();
    let budget = BODY_LINES - GROUP_HEADING_LINES;
    slides.extend(pack(&sizes, budget).into_iter().map(|run| Slide::Notes {
        workload: index,
        notes: notes[run].iter().map(|(n, _)| *n).collect(),
    }));
    slides
}

/// Every slide of a plan, in order.
pub fn deck(plan: &PlanEvaluation<'_>) -> Vec<Slide> {
    let count = plan.workloads.len();
    // As few summary slides as hold every workload, shared evenly (6 workloads: 3 and 3).
    let per_slide = count.div_ceil(count.div_ceil(SUMMARY_ROWS).max(1)).max(1);
    let mut slides: Vec<Slide> = (0..count)
        .step_by(per_slide)
        .map(|from| Slide::Summary(from..(from + per_slide).min(count)))
        .collect();
    for (i, e) in plan.workloads.iter().enumerate() {
        slides.extend(workload_slides(i, e));
    }
    slides
}

impl Slide {
    /// The workload the slide is about (`None`: the summary).
    pub fn workload(&self) -> Option<usize> {
        match self {
            Slide::Summary(_) => None,
            Slide::Decision { workload, .. } | Slide::Notes { workload, .. } => Some(*workload),
            Slide::Map(w) | Slide::Comparison(w) => Some(*w),
        }
    }

    /// What the slide shows, after the workload's name: `decision`, `where processed`, ...
    pub fn part(&self) -> &'static str {
        match self {
            Slide::Summary(_) => "summary",
            Slide::Decision { .. } => "decision",
            Slide::Map(_) => "where the prompt may be processed",
            Slide::Comparison(_) => "every option in short",
            Slide::Notes { .. } => "notes",
        }
    }
}

/// A deck being presented: the slide on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deck {
    /// The slide on screen, from 0.
    pub slide: usize,
}

/// A move through the deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Start presenting, on the first slide.
    Start,
    /// The next slide (stays on the last).
    Next,
    /// The slide before (stays on the first).
    Previous,
    /// The first slide.
    First,
    /// The last slide.
    Last,
    /// Stop presenting.
    End,
}

impl Move {
    /// The move a key makes while presenting (`KeyboardEvent.key`), if any. The arrow keys
    /// left and right and a presenter remote's Page Up and Page Down move; Up, Down and Space
    /// are left to the browser (no slide is taller than the screen).
    pub fn for_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowRight" | "PageDown" => Move::Next,
            "ArrowLeft" | "PageUp" => Move::Previous,
            "Home" => Move::First,
            "End" => Move::Last,
            "Escape" => Move::End,
            _ => return None,
        })
    }
}

impl Deck {
    /// Where `m` takes a deck of `slides` slides (`None`: not presenting). Moves while not
    /// presenting do nothing, except starting; a deck of no slides cannot start.
    pub fn apply(deck: Option<Deck>, m: Move, slides: usize) -> Option<Deck> {
        let last = slides.checked_sub(1)?;
        let at = |slide: usize| {
            Some(Deck {
                slide: slide.min(last),
            })
        };
        match (deck, m) {
            (_, Move::Start) => at(0),
            (None, _) | (_, Move::End) => None,
            (Some(d), Move::Next) => at(d.slide + 1),
            (Some(d), Move::Previous) => at(d.slide.saturating_sub(1)),
            (Some(_), Move::First) => at(0),
            (Some(_), Move::Last) => at(last),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::evaluation::insurer;

    /// Item sizes, the budget, the runs (start, end).
    type PackCase<'a> = (&'a [usize], usize, &'a [(usize, usize)]);

    #[test]
    fn notes_pack_into_slides_in_order() {
        let cases: [PackCase; 5] = [
            (&[], 10, &[]),
            (&[3, 3, 3], 10, &[(0, 3)]),
            (&[4, 4, 4], 10, &[(0, 2), (2, 3)]),
            // An item larger than a slide gets one of its own; the next starts afresh.
            (&[2, 12, 2], 10, &[(0, 1), (1, 2), (2, 3)]),
            (&[5, 5, 5, 5], 10, &[(0, 2), (2, 4)]),
        ];
        for (sizes, budget, runs) in cases {
            let packed: Vec<(usize, usize)> = pack(sizes, budget)
                .iter()
                .map(|r| (r.start, r.end))
                .collect();
            assert_eq!(packed, runs, "{sizes:?}");
        }
    }

    #[test]
    fn lines_count_at_the_least_width() {
        assert_eq!(lines(""), 1);
        assert_eq!(lines(&"x".repeat(CHARS_PER_LINE)), 1);
        assert_eq!(lines(&"x".repeat(CHARS_PER_LINE + 1)), 2);
    }

    #[test]
    fn every_workload_gets_decision_map_comparison_then_every_note_once() {
        let plan = insurer();
        let deck = deck(&plan);
        assert_eq!(deck[0], Slide::Summary(0..5));
        assert_eq!(
            deck.iter()
                .filter(|s| matches!(s, Slide::Summary(_)))
                .count(),
            1
        );
        for (i, e) in plan.workloads.iter().enumerate() {
            let mine: Vec<&Slide> = deck.iter().filter(|s| s.workload() == Some(i)).collect();
            let rec = &e.recommendation;
            let Slide::Decision { urgent, .. } = mine[0] else {
                panic!("{i}: opens with {:?}", mine[0]);
            };
            // The first urgent warning is always on the decision slide.
            assert_eq!(*urgent > 0, rec.urgent_count() > 0, "{i}");
            let rest = if e.chosen().is_some() {
                assert_eq!(mine[1], &Slide::Map(i));
                &mine[2..]
            } else {
                &mine[1..]
            };
            assert_eq!(rest[0], &Slide::Comparison(i));
            let notes: Vec<Note> = rest[1..]
                .iter()
                .flat_map(|s| match s {
                    Slide::Notes { notes, .. } => notes.clone(),
                    other => panic!("{i}: {other:?} after the comparison"),
                })
                .collect();
            // Each warning once (on the decision or in the notes), each reason and alternative
            // once, in that order.
            let mut expected: Vec<Note> = rec
                .warnings
                .iter()
                .enumerate()
                .filter(|(_, w)| w.urgent)
                .skip(*urgent)
                .map(|(n, _)| Note::Warning(n))
                .collect();
            expected.extend((0..rec.reasons.len()).map(Note::Reason));
            expected.extend(
                rec.warnings
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| !w.urgent)
                    .map(|(n, _)| Note::Warning(n)),
            );
            expected.extend((0..rec.alternatives.len()).map(Note::Alternative));
            assert_eq!(notes, expected, "{i}");
        }
        // Workloads in plan order, nothing between them.
        let order: Vec<usize> = deck.iter().filter_map(Slide::workload).collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    }

    #[test]
    fn a_long_plan_summarises_over_several_slides() {
        let mut plan = insurer();
        let more = plan.workloads.clone();
        plan.workloads.extend(more.iter().cloned());
        plan.workloads.extend(more.iter().take(1).cloned());
        let summaries: Vec<Slide> = deck(&plan)
            .into_iter()
            .filter(|s| matches!(s, Slide::Summary(_)))
            .collect();
        assert_eq!(
            summaries,
            [
                Slide::Summary(0..4),
                Slide::Summary(4..8),
                Slide::Summary(8..11)
            ]
        );
    }

    #[test]
    fn comparison_in_short_names_each_option_and_why_not() {
        let plan = insurer();
        let lines = option_lines(&plan.workloads[0].comparison);
        let labels: Vec<&str> = lines.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Global profile",
                "Geographic (EU)",
                "In-Region",
                "Provisioned Throughput"
            ]
        );
        assert!(lines[1].recommended && !lines[0].recommended);
        // The global profile fails residency: counted, not listed.
        assert_eq!(
            lines[0].eligible.lines,
            ["No: processes in 25 Regions in 18 countries outside the obligation"]
        );
        assert_eq!(lines[0].eligible.verdict, Some(false));
        assert_eq!(lines[1].eligible.lines, ["Yes"]);
        assert_eq!(
            lines[0].processing,
            "31 Regions in 24 countries, outside the obligation: 25 Regions in 18 countries"
        );
        assert_eq!(lines[1].price, "$3.30 in / $16.50 out");
        assert_eq!(
            lines[2].eligible.lines,
            ["No: Claude Sonnet 4.5 cannot be called on demand in eu-central-1; it needs an inference profile there"]
        );
        assert_eq!(lines[2].processing, "Not offered");
    }

    #[test]
    fn a_decision_names_option_id_verdict_retention_and_price() {
        let plan = insurer();
        let facts = decision_facts(&plan.workloads[0]);
        let shown: Vec<(&str, &str)> = facts.iter().map(|f| (f.label, f.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                ("Recommended", "Geographic (EU), Standard tier"),
                ("ID to call", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"),
                ("Processed and stored", "✓ Inside the obligation: processed only in 6 Regions in 6 countries; nothing kept"),
                ("Data retention", "Keeps nothing (the abuse detection page's general rule)"),
                ("Price per million tokens", "$3.30 in / $16.50 out"),
                ("Monthly estimate", "$2,640.00 · 400,000,000 input and 80,000,000 output tokens"),
                ("How to buy", "Reserved: priced by the AWS account team · Standard (recommended): $3.30 in / $16.50 out · Batch: $1.65 in / $8.25 out, $1,320.00"),
            ]
        );
        assert!(facts[1].code && !facts[0].code);
        // Nothing recommended: no ID, the verdict says so.
        let none = decision_facts(&plan.workloads[1]);
        let labels: Vec<&str> = none.iter().map(|f| f.label).collect();
        assert_eq!(labels, ["Recommended", "Processed and stored"]);
        assert_eq!(none[1].text, "✗ No option inside the obligation");
    }

    fn on(slide: usize) -> Option<Deck> {
        Some(Deck { slide })
    }

    #[test]
    fn moves_stay_inside_the_deck() {
        assert_eq!(Deck::apply(None, Move::Start, 3), on(0));
        assert_eq!(Deck::apply(on(0), Move::Next, 3), on(1));
        assert_eq!(Deck::apply(on(2), Move::Next, 3), on(2));
        assert_eq!(Deck::apply(on(0), Move::Previous, 3), on(0));
        assert_eq!(Deck::apply(on(2), Move::Previous, 3), on(1));
        assert_eq!(Deck::apply(on(1), Move::Last, 3), on(2));
        assert_eq!(Deck::apply(on(2), Move::First, 3), on(0));
        assert_eq!(Deck::apply(on(1), Move::End, 3), None);
    }

    #[test]
    fn nothing_moves_a_deck_not_presented_or_empty() {
        assert_eq!(Deck::apply(None, Move::Next, 3), None);
        assert_eq!(Deck::apply(None, Move::Start, 0), None);
        // A plan that lost workloads while presented: the deck stays on its last slide.
        assert_eq!(Deck::apply(on(5), Move::Next, 2), on(1));
    }

    #[test]
    fn keys_a_presenter_uses() {
        assert_eq!(Move::for_key("ArrowRight"), Some(Move::Next));
        assert_eq!(Move::for_key("PageDown"), Some(Move::Next));
        assert_eq!(Move::for_key("ArrowLeft"), Some(Move::Previous));
        assert_eq!(Move::for_key("PageUp"), Some(Move::Previous));
        assert_eq!(Move::for_key("Escape"), Some(Move::End));
        assert_eq!(Move::for_key("ArrowDown"), None);
        assert_eq!(Move::for_key(" "), None);
    }
}
