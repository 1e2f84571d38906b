//! RULES.md §4.2: the kerja sama wajib pre-stages (Pasal 5).

use crate::law::*;
use crate::model::{
    DocumentKind, KodeWilayah, PartyId, SignatoryCapacity, coordination_level as level_of,
};

use super::super::command::{Command, CommandKind};
use super::super::finding::Finding;
use super::super::guard::Ctx;
use super::{Found, err};

/// KSD-WAJIB-01: every region party has filed its mapping before coordination.
pub(super) fn mappings_filed(ctx: &Ctx<'_>) -> Found {
    if ctx.kind == CommandKind::FileMapping {
        return Vec::new();
    }
    ctx.spec
        .region_codes()
        .into_iter()
        .filter(|code| !ctx.coop.mappings.contains_key(code))
        .map(|region| err(KSD_WAJIB_01, Finding::MappingNotFiled { region }))
        .collect()
}

/// KSD-WAJIB-01 (from version 2): a filed mapping maps affairs by potential and
/// characteristics (Pasal 5 ayat (1)).
pub(super) fn mapping_content(ctx: &Ctx<'_>) -> Found {
    let Some(Command::FileMapping { mapping }) = ctx.command else {
        return Vec::new();
    };
    let mut found = Vec::new();
    if mapping.urusan.is_empty() {
        found.push(err(KSD_WAJIB_01, Finding::MappingWithoutAffairs).at("mapping.urusan"));
    }
    if mapping.potentials.iter().all(|p| p.trim().is_empty()) {
        found.push(err(KSD_WAJIB_01, Finding::MappingWithoutPotentials).at("mapping.potentials"));
    }
    found
}

/// KSD-WAJIB-02: coordination at the level the parties require.
pub(super) fn coordination_level(ctx: &Ctx<'_>) -> Found {
    let Some(Command::HoldTechnicalCoordination { level }) = ctx.command else {
        return Vec::new();
    };
    let required = level_of(&ctx.spec.region_codes());
    if *level == required {
        Vec::new()
    } else {
        vec![err(KSD_WAJIB_02, Finding::WrongCoordinationLevel { required }).at("level")]
    }
}

/// KSD-WAJIB-03: every head agrees the coordination outcome, in the heads' agreement.
pub(super) fn heads_agreement(ctx: &Ctx<'_>) -> Found {
    let Some(Command::SignHeadsAgreement { document }) = ctx.command else {
        return Vec::new();
    };
    // The regions whose head signed, as a set: one pass over the signatories, then one
    // lookup per region (linear, where each region scanned every signatory).
    let heads: std::collections::HashSet<KodeWilayah> = document
        .signatories
        .iter()
        .filter(|s| s.capacity == SignatoryCapacity::KepalaDaerah)
        .filter_map(|s| match s.party {
            PartyId::Region(code) => Some(code),
            PartyId::ThirdParty(_) => None,
        })
        .collect();
    let mut found: Found = ctx
        .spec
        .region_codes()
        .into_iter()
        .filter(|code| !heads.contains(code))
        .map(|region| {
            err(KSD_WAJIB_03, Finding::HeadNotAgreed { region }).at("document.signatories")
        })
        .collect();
    if document.kind != DocumentKind::HeadsAgreement {
        found.push(
            err(
                KSD_WAJIB_03,
                Finding::WrongDocumentKind {
                    expected: DocumentKind::HeadsAgreement,
                },
            )
            .at("document.kind"),
        );
    }
    found
}
