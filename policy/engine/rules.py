"""The routing rules as data, one row per line of the policy's examples table and numbered notes.

A dataset rule says: when a dataset's answers match, place this data with this route, for these reasons
(clause id, one-line why). Study-level rules (correlations, omics links, notes) live in planner.py and take
their words from the constants below.
"""

from dataclasses import dataclass

from policy.engine.questions import When, when

Reason = tuple[str, str]  # (clause id, why)

PRESUBMISSION_CONTACT = "image-presubmission@ebi.ac.uk"
BIA_CONTACT = "bioimage-archive@ebi.ac.uk"


@dataclass(frozen=True, slots=True)
class Archive:
    code: str
    name: str
    url: str
    accession_example: str


@dataclass(frozen=True, slots=True)
class Route:
    key: str
    archive: str
    how: str
    per_dataset: bool  # False: one deposition gathers every dataset of the study on this route
    submit_url: str  # where the depositor starts the submission (ebi-archive-facts.md, "Where each submission starts")


@dataclass(frozen=True, slots=True)
class Placement:
    route: str
    contents: str
    optional: bool = False  # the policy says the data "can" go there, not that it must


@dataclass(frozen=True, slots=True)
class DatasetRule:
    applies: When
    places: tuple[Placement, ...]
    reasons: tuple[Reason, ...]


ARCHIVES: dict[str, Archive] = {
    archive.code: archive
    for archive in (
        Archive("arrayexpress", "ArrayExpress", "https://www.ebi.ac.uk/biostudies/arrayexpress", "E-MTAB-12345"),
        Archive("pride", "PRIDE", "https://www.ebi.ac.uk/pride/", "PXD012345"),
        Archive("metabolights", "MetaboLights", "https://www.ebi.ac.uk/metabolights/", "MTBLS1234"),
        Archive("ena", "European Nucleotide Archive (ENA)", "https://www.ebi.ac.uk/ena/", "PRJEB12345"),
        Archive("emdb", "EMDB", "https://www.ebi.ac.uk/emdb/", "EMD-12345"),
        Archive("empiar", "EMPIAR", "https://www.ebi.ac.uk/empiar/", "EMPIAR-10002"),
        Archive("bia", "BioImage Archive", "https://www.ebi.ac.uk/bioimage-archive/", "S-BIAD287"),
    )
}

# The order to deposit in. Omics first, so the image submission can cite their accessions
# (beyond-policy:omics-first); EMDB before EMPIAR, whose entries cite the EMD accession
# (beyond-policy:empiar-emdb-link); the BioImage Archive last, because it holds the linking information
# that cites all the others (rule-3).
ARCHIVE_ORDER: tuple[str, ...] = tuple(ARCHIVES)

BIA_IMAGING_ROUTE = "bia-imaging"
BIOSTUDIES_SUBMIT_URL = "https://www.ebi.ac.uk/biostudies/submissions/"
ONEDEP_URL = "https://deposit.wwpdb.org/deposition/"
ROUTES: dict[str, Route] = {
    route.key: route
    for route in (
        Route(
            BIA_IMAGING_ROUTE,
            "bia",
            "BioStudies/BioImage Archive submission system, with the imaging (“BioImaging”) metadata template",
            per_dataset=False,
            submit_url=BIOSTUDIES_SUBMIT_URL,
        ),
        Route(
            "bia-screen-compound",
            "bia",
            "BioStudies/BioImage Archive submission system, with the compound-screen metadata template "
            "(ask bioimage-archive@ebi.ac.uk for it)",
            per_dataset=True,
            submit_url=BIOSTUDIES_SUBMIT_URL,
        ),
        Route(
            "bia-screen-genetic",
            "bia",
            "BioStudies/BioImage Archive submission system, with the genetic (e.g. knockout) screen metadata "
            "template (ask bioimage-archive@ebi.ac.uk for it)",
            per_dataset=True,
            submit_url=BIOSTUDIES_SUBMIT_URL,
        ),
        Route(
            "bia-screen-other",
            "bia",
            "BioStudies/BioImage Archive submission system, with the screen metadata template that "
            "bioimage-archive@ebi.ac.uk recommends for your screen type",
            per_dataset=True,
            submit_url=BIOSTUDIES_SUBMIT_URL,
        ),
        Route(
            "empiar",
            "empiar",
            "EMPIAR deposition system",
            per_dataset=True,
            submit_url="https://empiar.org/deposition",
        ),
        Route("emdb", "emdb", "wwPDB OneDep deposition system", per_dataset=True, submit_url=ONEDEP_URL),
        Route(
            "arrayexpress",
            "arrayexpress",
            "Annotare, ArrayExpress's submission tool, with the single cell sequencing template "
            "(raw reads are passed on to ENA)",
            per_dataset=True,
            submit_url="https://www.ebi.ac.uk/fg/annotare/",
        ),
        Route(
            "pride",
            "pride",
            "PRIDE submission tool (ProteomeXchange)",
            per_dataset=True,
            submit_url="https://www.ebi.ac.uk/pride/markdownpage/submitdatapage",
        ),
        Route(
            "metabolights",
            "metabolights",
            "MetaboLights online submission editor",
            per_dataset=True,
            submit_url="https://www.ebi.ac.uk/metabolights/",
        ),
        Route("ena", "ena", "ENA Webin submission", per_dataset=True, submit_url="https://www.ebi.ac.uk/ena/submit/"),
    )
}

EM = "electron_microscopy"

# The policy's examples table and notes, row by row. Every matching rule adds its placements.
DATASET_RULES: tuple[DatasetRule, ...] = (
    DatasetRule(
        when(modality="light_microscopy"),
        (Placement(BIA_IMAGING_ROUTE, "light microscopy images"),),
        (
            (
                "table-light-microscopy",
                "Light microscopy, super-resolution included, goes to the BioImage Archive.",
            ),
            ("rule-2", "Imaging data that EMPIAR does not take goes to the BioImage Archive."),
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method="2d"),
        (Placement(BIA_IMAGING_ROUTE, "2D electron micrographs"),),
        (
            (
                "table-2d-em",
                "2D electron microscopy goes to the BioImage Archive; only 3D EM goes to EMPIAR.",
            ),
            ("rule-2", "Imaging data that EMPIAR does not take goes to the BioImage Archive."),
        ),
    ),
    DatasetRule(
        when(modality="high_content_screening", screen_type="compound"),
        (Placement("bia-screen-compound", "screen images, with plate, well and compound for each file"),),
        (
            ("table-high-content-screening", "High-content screening images go to the BioImage Archive."),
            ("note-1", "Compound screens have their own metadata template: ask bioimage-archive@ebi.ac.uk."),
        ),
    ),
    DatasetRule(
        when(modality="high_content_screening", screen_type="genetic"),
        (Placement("bia-screen-genetic", "screen images, with plate, well and gene for each file"),),
        (
            ("table-high-content-screening", "High-content screening images go to the BioImage Archive."),
            (
                "note-1",
                "Genetic knockout screens have their own metadata template: ask bioimage-archive@ebi.ac.uk.",
            ),
        ),
    ),
    DatasetRule(
        when(modality="high_content_screening", screen_type="other"),
        (Placement("bia-screen-other", "screen images, with plate, well and condition for each file"),),
        (
            ("table-high-content-screening", "High-content screening images go to the BioImage Archive."),
            (
                "note-1",
                "Screen types have specific metadata templates: ask bioimage-archive@ebi.ac.uk which fits.",
            ),
        ),
    ),
    DatasetRule(
        when(modality="other"),
        (Placement(BIA_IMAGING_ROUTE, "images"),),
        (
            (
                "table-other-imaging",
                "Imaging methods not listed elsewhere, e.g. AFM or ultrasound, go to the BioImage Archive.",
            ),
            ("rule-2", "Imaging data that EMPIAR does not take goes to the BioImage Archive."),
        ),
    ),
    DatasetRule(
        when(modality="xray_imaging", dimensionality="2d"),
        (Placement(BIA_IMAGING_ROUTE, "2D X-ray images"),),
        (
            (
                "table-other-imaging",
                "2D X-ray imaging is not listed elsewhere, so it goes to the BioImage Archive.",
            ),
            (
                "rule-2",
                "EMPIAR takes X-ray tomography only; other imaging data goes to the BioImage Archive.",
            ),
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method="single_particle"),
        (Placement("empiar", "raw images (unaligned movies or micrographs) underpinning the 3D map"),),
        (
            ("table-cryo-em", "Single-particle cryo-EM raw images go to EMPIAR."),
            ("rule-1", "EMPIAR accepts raw images underpinning 3D cryo-EM maps."),
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method="single_particle"),
        (Placement("emdb", "the 3D map, with its half-maps and an image"),),
        (
            ("beyond-policy:emdb-maps", "The reconstructed map itself goes to EMDB, not to EMPIAR."),
            ("beyond-policy:emdb-onedep", "EMDB entries are deposited through wwPDB OneDep."),
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method="cryo_et", tilt_series=True),
        (Placement("empiar", "raw tilt series"),),
        (
            ("note-2-tilt-series", "Cryo-ET raw tilt series go only to EMPIAR."),
            ("rule-1", "EMPIAR accepts raw images underpinning tomograms."),
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method="cryo_et", tomograms="few"),
        (Placement("emdb", "all the tomograms"),),
        (
            ("note-2-tomograms", "A small number of tomograms all go to EMDB."),
            ("beyond-policy:emdb-onedep", "EMDB entries are deposited through wwPDB OneDep."),
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method="cryo_et", tomograms="many"),
        (
            Placement("emdb", "one or a few representative tomograms"),
            Placement("empiar", "the remaining tomograms"),
        ),
        (
            (
                "note-2-tomograms",
                "With many tomograms, representative ones go to EMDB and the rest to EMPIAR.",
            ),
            ("table-cryo-et", "Cryo-ET data goes to EMPIAR in part, as note 2 describes."),
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method="volume_em"),
        (
            Placement(
                "empiar",
                "the volume EM image stacks (SBF-SEM, FIB-SEM, serial-section TEM or array tomography)",
            ),
        ),
        (
            ("table-volume-em-xm", "Volume EM goes to EMPIAR."),
            ("rule-1", "EMPIAR accepts 3D images obtained with volume EM techniques."),
        ),
    ),
    DatasetRule(
        when(modality="xray_imaging", dimensionality="3d"),
        (Placement("empiar", "the X-ray tomography data (soft or hard X-ray)"),),
        (
            ("table-volume-em-xm", "X-ray tomography (volume XM) goes to EMPIAR."),
            ("rule-1", "EMPIAR accepts soft and hard X-ray tomography imaging."),
        ),
    ),
    DatasetRule(
        when(modality="spatial_omics", omics_repository_fits=True),
        (Placement(BIA_IMAGING_ROUTE, "spatial data: images and segmentations"),),
        (("spatial-omics", "Spatial data (images, segmentations) is centralised in the BioImage Archive."),),
    ),
    DatasetRule(
        when(modality="spatial_omics", omics_repository_fits=True, omics_type="transcriptomics"),
        (Placement("arrayexpress", "the spatial transcriptomics sequencing data"),),
        (
            ("spatial-omics", "The omics data goes to the relevant omics repository."),
            ("beyond-policy:arrayexpress", "Sequencing-based spatial transcriptomics goes to ArrayExpress."),
        ),
    ),
    DatasetRule(
        when(modality="spatial_omics", omics_repository_fits=True, omics_type="proteomics"),
        (Placement("pride", "the spatial proteomics data"),),
        (
            ("spatial-omics", "The omics data goes to the relevant omics repository."),
            ("beyond-policy:omics-repositories", "Proteomics data goes to PRIDE."),
        ),
    ),
    DatasetRule(
        when(modality="spatial_omics", omics_repository_fits=True, omics_type="metabolomics"),
        (Placement("metabolights", "the spatial metabolomics data"),),
        (
            ("spatial-omics", "The omics data goes to the relevant omics repository."),
            ("beyond-policy:omics-repositories", "Metabolomics data goes to MetaboLights."),
        ),
    ),
    DatasetRule(
        when(modality="spatial_omics", omics_repository_fits=True, omics_type="other"),
        (Placement("ena", "the omics sequence data"),),
        (
            ("spatial-omics", "The omics data goes to the relevant omics repository."),
            (
                "beyond-policy:omics-repositories",
                "Other sequence-based omics data goes to ENA; confirm with image-presubmission@ebi.ac.uk.",
            ),
        ),
    ),
    DatasetRule(
        when(modality="spatial_omics", omics_repository_fits=False),
        (Placement(BIA_IMAGING_ROUTE, "all the data: images, segmentations and the omics data"),),
        (
            (
                "spatial-omics-no-repository",
                "The omics data fits no existing omics repository, so all of it goes to the BioImage Archive.",
            ),
        ),
    ),
)

PATIENT_REASONS: tuple[Reason, ...] = (
    ("background-patient", "Patient-identifiable medical images cannot be deposited in any EBI resource."),
    ("table-patient", "Neither the BioImage Archive nor EMPIAR accepts patient-identifiable imaging data."),
)

# Rule 3 and note 3 speak of studies where one component is 3D EM or X-ray imaging.
THREE_D_EM_XM: tuple[When, ...] = (
    when(modality=EM, em_method=("single_particle", "cryo_et", "volume_em")),
    when(modality="xray_imaging", dimensionality="3d"),
)

CORRELATION_WITH_3D_REASONS: tuple[Reason, ...] = (
    ("note-3.3", "Correlation information (registrations, transformations) goes to the BioImage Archive."),
    (
        "rule-3",
        "EMPIAR data and other image data are deposited separately; linking information goes to the BioImage Archive.",
    ),
    (
        "table-correlative",
        "Correlative studies with a 3D EM/XM component: EM/XM data to EMPIAR, the rest to the BioImage Archive.",
    ),
)
CORRELATION_WITHOUT_3D_REASONS: tuple[Reason, ...] = (
    ("note-3.3", "Correlation information (registrations, transformations) goes to the BioImage Archive."),
    (
        "rule-2",
        "No component is 3D EM/XM, so all of it, correlation information included, goes to the BioImage Archive.",
    ),
)
CORRELATION_CROSS_REFERENCE_REASONS: tuple[Reason, ...] = (
    ("rule-3", "The correlative datasets are deposited separately, so each deposition cites the others."),
    ("rule-4", "Accession identifiers remain valid even if data moves between EBI resources."),
)
CORRELATION_PROTOCOL_REASON: Reason = (
    "note-3-protocol",
    "Iudin et al 2021 describe correlative deposition; where it says BioStudies, use the BioImaging template.",
)
CORRELATION_BIA_PLACEMENT_REASON: Reason = (
    "note-3.3",
    "The BioImage Archive submission carries the correlation information.",
)
OMICS_LINK_REASONS: tuple[Reason, ...] = (
    ("spatial-omics", "The spatial data and the omics data are linked to one another."),
    (
        "beyond-policy:omics-first",
        "Deposit the omics data first, then cite its accession in the image submission.",
    ),
)
ST_METADATA_REASON: Reason = (
    "beyond-policy:st-metadata",
    "Spatial transcriptomics has a shared metadata table used on both sides.",
)
EMDB_EMPIAR_CROSS_REFERENCE_REASONS: tuple[Reason, ...] = (
    (
        "beyond-policy:empiar-emdb-link",
        "EMPIAR entries are tied to the EMDB entries made from the same data.",
    ),
    ("beyond-policy:emdb-maps", "Reconstructions in EMDB and raw data in EMPIAR reference each other."),
)
EMPIAR_WITHOUT_EMDB_REASON: Reason = (
    "beyond-policy:empiar-emdb-link",
    "EMDB does not cover this 3D modality, so the EMPIAR entry stands without an EMDB entry.",
)
EMPIAR_RAW_REASON: Reason = (
    "beyond-policy:empiar-raw",
    "Deposit the rawest form of the data; EMPIAR releases it under CC0.",
)
BIA_SUBMISSION_REASON: Reason = (
    "beyond-policy:bia-submission",
    "Prepare a file list (first column header Files) and fill the BioImaging (REMBI) template.",
)
ORDER_REASONS: tuple[Reason, ...] = (
    (
        "rule-3",
        "The BioImage Archive holds the linking information, so it is deposited last and cites the others.",
    ),
    ("beyond-policy:omics-first", "Omics data is deposited before the images that cite it."),
    ("beyond-policy:empiar-emdb-link", "EMPIAR entries cite their EMDB entries, so EMDB comes first."),
)
MOVABLE_REASON: Reason = (
    "rule-4",
    "EBI may move image data between its resources; the accessions you receive stay valid.",
)
NO_PUBLICATION_REASONS: tuple[Reason, ...] = (
    ("rule-2", "The policy covers imaging data associated with a publication."),
    ("contact", "Ask image-presubmission@ebi.ac.uk before depositing data without a publication."),
)
SCREEN_CONTACT_REASON: Reason = ("note-1", "Screen metadata templates come from bioimage-archive@ebi.ac.uk.")
SCREEN_IDR_REASON: Reason = (
    "beyond-policy:idr",
    "The IDR may add value to a screen, but the archive of record is the BioImage Archive.",
)
PATIENT_INSTEAD = (
    "Do not deposit these images anywhere at EBI. The rest of the study can still be deposited as planned; "
    f"ask {PRESUBMISSION_CONTACT} if you are unsure."
)
PATIENT_IN_CORRELATION_REASON: Reason = (
    "background-patient",
    "A patient-identifiable dataset is left out of its correlative group; the rest is still linked.",
)
QUERIES_REASON: Reason = ("contact", "Queries about the policy go to image-presubmission@ebi.ac.uk.")
