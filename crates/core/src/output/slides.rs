//! Presenting a report one slide at a time: where the deck stands and how a key or button moves
//! it. Slide 0 is the plan's summary, then one slide per workload.

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
    /// are left to scroll a slide taller than the screen.
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
