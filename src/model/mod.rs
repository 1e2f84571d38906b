//! Domain vocabulary: regions, parties, actors, affairs, kinds, documents and records.

mod actor;
mod affair;
mod build;
mod calendar;
mod document;
mod kind;
mod legacy;
mod party;
mod record;
mod region;

pub use actor::{Actor, Role};
pub use affair::{Urusan, UrusanGroup};
pub use build::BuildError;
pub(crate) use build::required_text;
pub use calendar::{Calendar, CalendarError, Holiday, HolidayCategory, WorkingDayRule};
pub use document::{
    Clause, Document, DocumentBuilder, DocumentId, DocumentKind, DocumentNumber, Signatory,
    SignatoryCapacity, SuratKuasa, Term,
};
pub use kind::{
    CooperationId, CooperationKind, CooperationObject, Initiative, KsddCategory, KsdpkType,
    OffPlanReason, ParseCooperationIdError, Track,
};
pub use legacy::{CooperationPlan, CopyRecipient, LegacyDisputePairing, TerminationNotice};
pub use party::{
    BusinessEntity, DprdGate, Funding, FundingSource, Party, PartyId, Rupiah, ThirdParty,
    ThirdPartyKind,
};
pub use record::{
    AffairsMapping, Consent, Criterion, DisputeForum, Evaluation, EvaluationOutcome, Feasibility,
    FeasibilityStudy, FollowUp, InitiativeCriteria, LawfulnessAttestation, OfferLetter,
    PartyCompliance, Recommendation, Record, ResultDestination, ResultForm, ResultReceived,
    ReviewPoint, Takeover, TakeoverBy, TkksdReview, WeightedCriterion, WrittenNotice,
};
pub use region::{
    BorderTable, CoordinationLevel, KodeWilayah, ParseKodeError, Region, RegionLevel, WajibPairing,
    coordination_level,
};

/// Reads the (absent) fields of a unit variant of an internally tagged enum, refusing any:
/// serde ignores `deny_unknown_fields` for such variants, so that without this
/// `{"command": "accept_offer", "by": "…"}` would silently read as `AcceptOffer`.
pub(crate) fn no_fields<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<(), D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct NoFields {}
    <NoFields as serde::Deserialize>::deserialize(deserializer).map(|NoFields {}| ())
}
