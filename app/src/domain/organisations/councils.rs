//! Councils from mySociety's UK local authority names and codes.
//!
//! - Every current council (`current-authority` = True) becomes one organisation `la:<code>`,
//!   named by its official name, with the common ("nice") name, every alternative name in the
//!   name lookup, and "X Council" / "Council of X" (and "X City Council" when the official name
//!   has "City") as aliases.
//! - A council that no longer exists passes its names to the council(s) that replaced it
//!   (`replaced-by`, followed through several reorganisations), so "Harrogate Borough Council"
//!   finds North Yorkshire Council. Former councils with no recorded successor (the Northern
//!   Ireland districts merged in 2015) are left out.
//! - Sector: `london_borough` for the 32 London boroughs and the City of London (types LBO and
//!   CC), `local_government` for every other council, including the Greater London Authority.
//! - All are public authorities; councils whose nation is Scotland are Scottish public
//!   authorities.

use super::add_alias;
use super::delimited::{field, Table};
use super::model::{DirectoryError, Organisation};
use std::collections::HashMap;

const AUTHORITIES: &str = "local authorities CSV";
const LOOKUP: &str = "council name lookup CSV";

/// Council types that are not councils with members called a "Council" (combined authorities,
/// the Greater London Authority): they get no "X Council" variants.
const NOT_CALLED_COUNCIL: [&str; 2] = ["COMB", "SRA"];

struct Row {
    code: String,
    official: String,
    nice: String,
    nation: String,
    kind: String,
    county: String,
    replaced_by: Vec<String>,
    current: bool,
}

/// Reads the councils; see the module documentation for the rules.
pub(crate) fn load(
    authorities_csv: &str,
    lookup_csv: &str,
) -> Result<Vec<Organisation>, DirectoryError> {
    let rows = read_authorities(authorities_csv)?;
    let lookup = read_lookup(lookup_csv)?;
    let by_code: HashMap<&str, &Row> = rows.iter().map(|r| (r.code.as_str(), r)).collect();

    let mut organisations: Vec<Organisation> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for row in rows.iter().filter(|r| r.current) {
        index.insert(row.code.as_str(), organisations.len());
        organisations.push(council(row, &lookup, &by_code));
    }
    for row in rows.iter().filter(|r| !r.current) {
        for successor in successors(row, &by_code, 0) {
            if let Some(&i) = index.get(successor.as_str()) {
                let organisation = &mut organisations[i];
                add_alias(organisation, &row.official);
                add_alias(organisation, &row.nice);
                for name in lookup.get(row.code.as_str()).into_iter().flatten() {
                    add_alias(organisation, name);
                }
            }
        }
    }
    Ok(organisations)
}

fn council(
    row: &Row,
    lookup: &HashMap<String, Vec<String>>,
    by_code: &HashMap<&str, &Row>,
) -> Organisation {
    let london = row.kind == "LBO" || row.kind == "CC";
    let mut organisation = Organisation {
        id: format!("la:{}", row.code),
        name: row.official.clone(),
        aliases: Vec::new(),
        sector: if london {
            "london_borough"
        } else {
            "local_government"
        }
        .to_owned(),
        nation: Some(row.nation.clone()).filter(|n| !n.is_empty()),
        parent: by_code
            .get(row.county.as_str())
            .filter(|county| county.current)
            .map(|county| format!("la:{}", county.code)),
        public_authority: true,
        scottish_public_authority: row.nation == "Scotland",
    };
    add_alias(&mut organisation, &row.nice);
    for name in lookup.get(row.code.as_str()).into_iter().flatten() {
        add_alias(&mut organisation, name);
    }
    if !NOT_CALLED_COUNCIL.contains(&row.kind.as_str()) && !row.nice.is_empty() {
        add_alias(&mut organisation, &format!("{} Council", row.nice));
        add_alias(&mut organisation, &format!("Council of {}", row.nice));
        let has_city = |name: &str| name.split_whitespace().any(|w| w == "City");
        if has_city(&row.official) && !has_city(&row.nice) {
            add_alias(&mut organisation, &format!("{} City Council", row.nice));
        }
    }
    organisation
}

/// The current councils that took over from `row`, following chains of reorganisations.
fn successors(row: &Row, by_code: &HashMap<&str, &Row>, depth: usize) -> Vec<String> {
    let mut found = Vec::new();
    if depth > 8 {
        return found;
    }
    for code in &row.replaced_by {
        match by_code.get(code.as_str()) {
            Some(next) if next.current => found.push(next.code.clone()),
            Some(next) => found.extend(successors(next, by_code, depth + 1)),
            None => {}
        }
    }
    found
}

fn read_authorities(text: &str) -> Result<Vec<Row>, DirectoryError> {
    let table = Table::csv(AUTHORITIES, text)?;
    let code = table.column("local-authority-code")?;
    let official = table.column("official-name")?;
    let nice = table.column("nice-name")?;
    let nation = table.column("nation")?;
    let kind = table.column("local-authority-type")?;
    let county = table.column("county-la")?;
    let replaced_by = table.column("replaced-by")?;
    let current = table.column("current-authority")?;
    let mut rows = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let value = |i: usize| field(row, i).to_owned();
        if field(row, code).is_empty() || field(row, official).is_empty() {
            return Err(DirectoryError::Malformed {
                source: AUTHORITIES,
                line: *line,
                reason: "a council without a code or official name".to_owned(),
            });
        }
        rows.push(Row {
            code: value(code),
            official: value(official),
            nice: value(nice),
            nation: value(nation),
            kind: value(kind),
            county: value(county),
            replaced_by: field(row, replaced_by)
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect(),
            current: field(row, current).eq_ignore_ascii_case("true"),
        });
    }
    Ok(rows)
}

/// Register code → alternative names, in file order.
fn read_lookup(text: &str) -> Result<HashMap<String, Vec<String>>, DirectoryError> {
    let table = Table::csv(LOOKUP, text)?;
    let name = table.column("la-name")?;
    let code = table.column("local-authority-code")?;
    let mut lookup: HashMap<String, Vec<String>> = HashMap::new();
    for (_, row) in &table.rows {
        let (name, code) = (field(row, name), field(row, code));
        if !name.is_empty() && !code.is_empty() {
            lookup
                .entry(code.to_owned())
                .or_default()
                .push(name.to_owned());
        }
    }
    Ok(lookup)
}
