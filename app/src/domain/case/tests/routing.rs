//! The routing table of policy.md §3, sector by sector.

use crate::domain::case::{route, CaseKind, Sector, WorkQueue};

/// Every sector with its RFA queue and its FS50 queue (`None`: stays on the sift list).
const TABLE: &[(Sector, u8, Option<u8>)] = &[
    (Sector::Telecoms, 6, None),
    (Sector::DirectMarketing, 6, None),
    (Sector::Lenders, 7, None),
    (Sector::CreditReferenceAgencies, 7, None),
    (Sector::GeneralBusiness, 8, None),
    (Sector::MotorIndustry, 8, None),
    (Sector::CentralGovernment, 9, Some(14)),
    (Sector::Finance, 9, None),
    (Sector::Police, 10, Some(15)),
    (Sector::CriminalJustice, 10, Some(15)),
    (Sector::MinistryOfJustice, 10, Some(15)),
    (Sector::HomeOffice, 10, Some(15)),
    (Sector::LondonBorough, 11, Some(16)),
    (Sector::Education, 11, Some(16)),
    (Sector::Leisure, 11, Some(16)),
    (Sector::Environment, 11, Some(16)),
    (Sector::Charity, 11, Some(16)),
    (Sector::Regulator, 12, Some(17)),
    (Sector::Bbc, 12, Some(17)),
    (Sector::Transport, 12, Some(17)),
    (Sector::Health, 12, Some(17)),
    (Sector::LocalGovernment, 13, Some(18)),
];

#[test]
fn the_table_lists_every_sector_once() {
    let listed: Vec<Sector> = TABLE.iter().map(|&(sector, _, _)| sector).collect();
    assert_eq!(listed, Sector::all());
}

#[test]
fn data_protection_concerns_go_to_their_sector_queue() {
    for &(sector, rfa, _) in TABLE {
        assert_eq!(
            route(CaseKind::Rfa, Some(sector)),
            WorkQueue::Numbered(rfa),
            "{sector}"
        );
    }
}

#[test]
fn data_protection_concerns_of_unknown_sector_go_to_staging_queue_5() {
    assert_eq!(route(CaseKind::Rfa, None), WorkQueue::Numbered(5));
}

#[test]
fn freedom_of_information_concerns_go_to_their_sector_queue_or_stay_on_the_sift_list() {
    for &(sector, _, fs50) in TABLE {
        let expected = fs50.map_or(WorkQueue::Sift, WorkQueue::Numbered);
        assert_eq!(route(CaseKind::Fs50, Some(sector)), expected, "{sector}");
        assert_eq!(route(CaseKind::Fer, Some(sector)), expected, "{sector}");
    }
    assert_eq!(route(CaseKind::Fs50, None), WorkQueue::Sift);
    assert_eq!(route(CaseKind::Fer, None), WorkQueue::Sift);
}

#[test]
fn london_boroughs_are_not_routed_with_local_government() {
    assert_eq!(
        route(CaseKind::Rfa, Some(Sector::LondonBorough)),
        WorkQueue::Numbered(11)
    );
    assert_eq!(
        route(CaseKind::Fs50, Some(Sector::LondonBorough)),
        WorkQueue::Numbered(16)
    );
}

#[test]
fn other_case_types_go_to_their_fixed_queue_whatever_the_sector() {
    let fixed = [
        (CaseKind::Ele, WorkQueue::Numbered(6)),
        (CaseKind::Com, WorkQueue::Numbered(3)),
        (CaseKind::Enq, WorkQueue::Numbered(1)),
        (CaseKind::Rcc, WorkQueue::ServiceComplaints),
        (CaseKind::Irq, WorkQueue::InformationAccess),
        (CaseKind::Inf, WorkQueue::Sift),
        (CaseKind::Enf, WorkQueue::Sift),
        (CaseKind::Sec, WorkQueue::Sift),
        (CaseKind::Pcb, WorkQueue::Sift),
        (CaseKind::Ecs, WorkQueue::Sift),
    ];
    for (kind, queue) in fixed {
        assert_eq!(route(kind, None), queue, "{kind}");
        for &sector in Sector::all() {
            assert_eq!(route(kind, Some(sector)), queue, "{kind} {sector}");
        }
    }
}

#[test]
fn every_case_type_is_routed_somewhere_known() {
    for &kind in CaseKind::all() {
        for sector in Sector::all().iter().copied().map(Some).chain([None]) {
            let queue = route(kind, sector);
            if let Some(number) = queue.number() {
                assert_eq!(WorkQueue::numbered(number), Some(queue));
            }
        }
    }
}

#[test]
fn only_queues_1_to_18_are_numbered() {
    assert_eq!(WorkQueue::numbered(0), None);
    assert_eq!(WorkQueue::numbered(1), Some(WorkQueue::Numbered(1)));
    assert_eq!(WorkQueue::numbered(18), Some(WorkQueue::Numbered(18)));
    assert_eq!(WorkQueue::numbered(19), None);
    assert_eq!(WorkQueue::Sift.number(), None);
}

#[test]
fn queues_have_the_names_staff_know_them_by() {
    assert_eq!(
        WorkQueue::Numbered(7).name(),
        "RFA DPA lenders and CRA concerns (work queue 7)"
    );
    assert_eq!(
        WorkQueue::Investigations.name(),
        "DP - RAD Investigations (Any)"
    );
    assert_eq!(
        WorkQueue::ServiceComplaints.to_string(),
        "Service complaints"
    );
    assert_eq!(WorkQueue::InformationAccess.name(), "Information access");
    assert_eq!(WorkQueue::Sift.name(), "Sift list");
}

#[test]
fn queues_serialize_by_name_and_number() {
    assert_eq!(
        serde_json::to_string(&WorkQueue::Numbered(6)).unwrap(),
        r#"{"numbered":6}"#
    );
    assert_eq!(
        serde_json::to_string(&WorkQueue::Sift).unwrap(),
        r#""sift""#
    );
    let queue: WorkQueue = serde_json::from_str(r#""investigations""#).unwrap();
    assert_eq!(queue, WorkQueue::Investigations);
}
