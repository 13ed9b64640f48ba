//! The helpline (manual §12): finding a case while the caller waits, and arranging a callback
//! within two working days (of the officer's return if away; else up the line of managers).
//!
//! Pure rules: no IO, `today` is always a parameter.

mod callbacks;
mod search;
#[cfg(test)]
mod tests;

pub use callbacks::{
    callback_offer, offer_callback, plan_callback, return_day, CallbackOffer, CallbackPlan,
    CallbackProblem, Callee, CALLBACK_WORKING_DAYS,
};
pub use search::{
    classify, normalise_email, normalise_name, normalise_phone, prefix_end, SearchKind,
    SearchQuery, MAX_QUERY_CHARS,
};
pub use search::{
    driving_word, edit_distance, exact_token, name_match, name_tokens, name_words, rank_order,
    typo_tokens, Match,
};
