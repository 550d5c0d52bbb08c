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
