//! Actor authority (RULES.md §4.4): who may issue a command, for which party.
//!
//! A wrong actor is refused with [`Rejection::ActorNotAuthorised`] before any guard runs.
//! One exception: a registration that names no region party at all is left to input
//! validation and the guards, which say what is wrong with it (no actor could act for it).

use crate::law::{KSD_DPRD_01, KSD_ENF_01, KSD_ENF_02, LEG_DPRD_01, RuleId, RuleSet};
use crate::model::{Actor, KodeWilayah, PartyId, RegionLevel, Role, TakeoverBy};

use super::command::{Command, CooperationSpec};
use super::cooperation::Cooperation;
use super::table::Transition;
use super::violation::{AuthorityProblem, Rejection};

/// Whether the actor's role is one the row allows.
pub(crate) fn role_allowed(row: &Transition, actor: &Actor) -> bool {
    row.roles.contains(&actor.role)
}

fn refuse(row: &Transition, actor: &Actor, rule: RuleId, problem: AuthorityProblem) -> Rejection {
    Rejection::ActorNotAuthorised {
        role: actor.role,
        command: row.command,
        allowed_roles: row.roles.to_vec(),
        rule,
        problem,
    }
}

/// Checks role, the party acted for, and command-specific authority.
pub(crate) fn check(
    row: &Transition,
    spec: &CooperationSpec,
    coop: &Cooperation,
    command: &Command,
    actor: &Actor,
    rules: &RuleSet,
) -> Result<(), Rejection> {
    if !role_allowed(row, actor) {
        return Err(refuse(row, actor, row.authority, AuthorityProblem::Role));
    }
    // With no region party, "the actor is not a party" would hide what is wrong: an empty
    // party list (invalid input) or a KSDPK/KSDD without a region (KSD-PK-01, KSD-KIND-07,
    // KSD-KIND-08), each of which refuses the registration anyway.
    let nobody_to_act_for =
        matches!(command, Command::Register { .. }) && spec.region_codes().is_empty();
    if !nobody_to_act_for {
        scope(row, spec, actor)?;
    }
    let own_region = actor.region();
    let initiator = Some(&spec.initiator) == actor.party.as_ref();
    let third_party_initiative = matches!(spec.initiator, PartyId::ThirdParty(_));
    // A region that is not a party is bad input, whoever names it (guard::validate_input).
    let other_party_region =
        |region: &KodeWilayah| own_region != Some(*region) && spec.region_codes().contains(region);
    match command {
        Command::FileMapping { mapping }
            if actor.role.is_regional() && other_party_region(&mapping.region) =>
        {
            Err(refuse(
                row,
                actor,
                row.authority,
                AuthorityProblem::OwnMappingOnly {
                    region: mapping.region,
                },
            ))
        }
        Command::AssessDprdGate { region, .. } if other_party_region(region) => Err(refuse(
            row,
            actor,
            row.authority,
            AuthorityProblem::OwnGateOnly { region: *region },
        )),
        // In a third party's own initiative the head of the region party, who decides on the
        // proposal, is the one who cancels (RULES.md §4.4, §4.6 "cancel: head of region").
        Command::Cancel { .. } if !initiator && third_party_initiative => Ok(()),
        Command::SendOffer { .. } | Command::Withdraw { .. } | Command::Cancel { .. }
            if !initiator =>
        {
            Err(refuse(
                row,
                actor,
                row.authority,
                AuthorityProblem::InitiatorOnly,
            ))
        }
        Command::AcceptOffer | Command::RejectOffer { .. } if initiator => Err(refuse(
            row,
            actor,
            row.authority,
            AuthorityProblem::InitiatorCannotAnswer,
        )),
        Command::AcceptOffer | Command::RejectOffer { .. }
            if actor
                .party
                .as_ref()
                .is_some_and(|p| coop.accepted_by.contains(p)) =>
        {
            Err(refuse(
                row,
                actor,
                row.authority,
                AuthorityProblem::AlreadyAccepted,
            ))
        }
        Command::ApproveDprd { .. }
        | Command::RefuseDprd { .. }
        | Command::RecordDprdOpinion { .. } => {
            let gate_true = own_region
                .and_then(|region| coop.current_gates().get(&region))
                .is_some_and(|gate| rules.dprd_required(gate));
            let rule = if rules.is_legacy() {
                LEG_DPRD_01
            } else {
                KSD_DPRD_01
            };
            if gate_true {
                Ok(())
            } else {
                Err(refuse(row, actor, rule, AuthorityProblem::GateFalse))
            }
        }
        Command::TakeOver { takeover } => takeover_authority(row, actor, takeover),
        _ => Ok(()),
    }
}

/// The party an actor acts for must be one of the cooperation's, of the right kind.
fn scope(row: &Transition, spec: &CooperationSpec, actor: &Actor) -> Result<(), Rejection> {
    let ok = match (actor.role, &actor.party) {
        (role, Some(PartyId::Region(code))) if role.is_regional() => {
            spec.region_codes().contains(code)
        }
        (role, _) if role.is_regional() => false,
        (Role::ThirdParty, Some(party @ PartyId::ThirdParty(_))) => spec.has_party(party),
        (Role::ThirdParty, _) => false,
        (Role::Governor, Some(PartyId::Region(code))) => code.level() == RegionLevel::Province,
        (Role::Governor, _) => false,
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(refuse(
            row,
            actor,
            row.authority,
            AuthorityProblem::NotAParty {
                acting_for: actor.party.clone(),
            },
        ))
    }
}

fn takeover_authority(
    row: &Transition,
    actor: &Actor,
    takeover: &crate::model::Takeover,
) -> Result<(), Rejection> {
    let province = takeover.defaulting_region.level() == RegionLevel::Province;
    // The actor issues the decree it records; whether the decree's issuer is the right one
    // for the defaulting region's level is the guards' question (KSD-ENF-01, -02).
    match (takeover.by, actor.role) {
        (TakeoverBy::CentralGovernment, Role::CentralGovernment) => Ok(()),
        (TakeoverBy::Governor, Role::Governor)
            if actor.region() == Some(takeover.defaulting_region.province()) =>
        {
            Ok(())
        }
        // Pasal 10 ayat (1): a province's affair goes to the centre, never to a governor.
        _ if province => Err(refuse(
            row,
            actor,
            KSD_ENF_01,
            AuthorityProblem::CentreTakesOverProvince,
        )),
        // Pasal 10 ayat (2): a kab/kota's affair goes to the governor of its own province.
        _ => Err(refuse(
            row,
            actor,
            KSD_ENF_02,
            AuthorityProblem::OwnGovernorTakesOver,
        )),
    }
}
