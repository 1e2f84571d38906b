//! The records a cooperation keeps beside its stage: DPRD rounds (one per KB version and per
//! later PKS) and how it ended.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Consent, DocumentId, DprdGate, KodeWilayah, WrittenNotice};

use super::cooperation::DprdDecision;
use super::event::GroundEvidence;

/// One round of the conditional DPRD approval (stage e): the gate flags each region party
/// assessed, the decisions of the DPRDs, and the document it was for.
///
/// The first round (the one after the KB) is [`super::Cooperation::dprd_gates`] and
/// [`super::Cooperation::dprd_decisions`]; a round is archived here when the KB it was for is
/// revised after a refusal, and each later PKS under the same KB has its own round, for the
/// fiscal year of its funding.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct DprdRound {
    /// The gate flags, per region party.
    pub gates: BTreeMap<KodeWilayah, DprdGate>,
    /// The DPRD decisions, per region party.
    pub decisions: BTreeMap<KodeWilayah, DprdDecision>,
    /// When a later PKS was submitted to the DPRDs.
    #[serde(default)]
    pub submitted_on: Option<NaiveDate>,
    /// When drafting of a later PKS started (stage f).
    #[serde(default)]
    pub drafting_from: Option<NaiveDate>,
    /// The document the round was for: the superseded KB, or the later PKS signed.
    #[serde(default)]
    pub for_document: Option<DocumentId>,
}
crate::serde_shape::map_shaped!(DprdRound);

/// How a cooperation ended early: each party's consent, the evidence of the grounds, or a
/// party's written notice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Ending {
    /// Ground (c): the consents.
    pub consents: Vec<Consent>,
    /// Grounds (d)–(g): the evidence.
    pub evidence: Vec<GroundEvidence>,
    /// The written notice, where the policy allowed one.
    pub notice: Option<WrittenNotice>,
}
crate::serde_shape::map_shaped!(Ending);
