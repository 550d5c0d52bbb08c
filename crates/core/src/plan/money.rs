//! Money in words: prices and estimates kept as whole micro-dollars and written as dollars,
//! with integer arithmetic only (no float formatting in the WebAssembly module).

use crate::catalog::schema::Price;
use crate::plan::TokensPerMonth;

/// `micro` micro-USD as `$3.00`, `$0.035` or `$1,234.50`: at least two decimals, more only when
/// they are not zero (prices per million tokens go below a cent).
pub fn usd(micro: u64) -> String {
    let whole = micro / 1_000_000;
    let fraction = format!("{:06}", micro % 1_000_000);
    let kept = fraction.trim_end_matches('0');
    let decimals = if kept.len() < 2 { &fraction[..2] } else { kept };
    format!("${}.{decimals}", group_digits(whole))
}

/// `micro` micro-USD rounded to the cent: `$1,234.57`.
pub fn usd_cents(micro: u64) -> String {
    usd(micro.saturating_add(5_000) / 10_000 * 10_000)
}

/// A price as `$3.00 in / $15.00 out` per million tokens.
pub fn per_million(price: &Price) -> String {
    format!("{} in / {} out", usd(price.input), usd(price.output))
}

/// How `price` compares with `other`, from the price list's figures: `10% above`, `9% below`
/// or `the same as` (input and output named apart when they differ by different shares).
pub fn relative(price: &Price, other: &Price) -> String {
    // Whole percent, rounded half away from zero, in integers.
    let share = |a: u64, b: u64| -> i64 {
        if b == 0 {
            return 0;
        }
        let (a, b) = (i128::from(a), i128::from(b));
        let diff = (a - b) * 100;
        let rounded = (diff.abs() + b / 2) / b;
        (if diff < 0 { -rounded } else { rounded }) as i64
    };
    let words = |pct: i64| match pct {
        0 => "the same as".to_owned(),
        p if p > 0 => format!("{p}% above"),
        p => format!("{}% below", -p),
    };
    let (input, output) = (
        share(price.input, other.input),
        share(price.output, other.output),
    );
    if input == output {
        words(input)
    } else {
        format!("input {}, output {}", words(input), words(output))
    }
}

/// The monthly estimate at `price` for `tokens`, as `$1,234.57`.
pub fn monthly(price: &Price, tokens: TokensPerMonth) -> String {
    usd_cents(tokens.cost(price))
}

/// `20000000` as `20,000,000`.
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn price(input: u64, output: u64) -> Price {
        Price {
            input,
            output,
            key: String::new(),
            regional: true,
            source: crate::catalog::ids::SourceId::new("test"),
            as_of: String::new(),
        }
    }

    /// Rows: (input, output) of the price, of the other price, the words.
    #[test]
    fn prices_compare_in_whole_percent() {
        let rows = [
            (
                (3_300_000, 16_500_000),
                (3_000_000, 15_000_000),
                "10% above",
            ),
            ((3_000_000, 15_000_000), (3_300_000, 16_500_000), "9% below"),
            (
                (3_000_000, 15_000_000),
                (3_000_000, 15_000_000),
                "the same as",
            ),
            (
                (3_300_000, 15_000_000),
                (3_000_000, 15_000_000),
                "input 10% above, output the same as",
            ),
            ((1, 1), (0, 0), "the same as"),
        ];
        for ((a, b), (c, d), words) in rows {
            assert_eq!(relative(&price(a, b), &price(c, d)), words);
        }
    }
}
