//! Runs of digits in free text, as people write numbers ("call 0906 170 1461", "08452810075over18's").
//! Pure, so the browser can use it for a cheap premium-rate check.

use crate::domain::readiness::is_uk_premium_rate_number;

/// Reads digit groups from `chars[*i..]` while they are joined by at most two separators,
/// advancing `*i` past them. Each group keeps a leading `+`.
pub(crate) fn read_groups(chars: &[char], i: &mut usize) -> Vec<String> {
    let mut groups = vec![String::new()];
    let mut separators = 0;
    while let Some(&c) = chars.get(*i) {
        if c.is_ascii_digit() || (c == '+' && groups.iter().all(String::is_empty)) {
            if separators > 0 && groups.last().is_some_and(|g| !g.is_empty()) {
                groups.push(String::new());
            }
            separators = 0;
            if let Some(group) = groups.last_mut() {
                group.push(c);
            }
        } else if matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}') && separators < 2 {
            separators += 1;
        } else {
            break;
        }
        *i += 1;
    }
    groups.retain(|g| !g.is_empty() && g != "+");
    groups
}

/// Whether `text` quotes a UK premium-rate (09) number anywhere, in any usual format. A cheap
/// check without the number metadata, for the browser and for triage before a report is
/// validated.
pub fn mentions_premium_rate_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_run = chars[i].is_ascii_digit() || chars[i] == '+';
        if !starts_run {
            i += 1;
            continue;
        }
        let before = i;
        let groups = read_groups(&chars, &mut i);
        i = i.max(before + 1);
        for from in 0..groups.len() {
            for to in from..groups.len().min(from + 5) {
                if is_uk_premium_rate_number(&groups[from..=to].concat()) {
                    return true;
                }
            }
        }
    }
    false
}
