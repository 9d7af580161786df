"""The routing rules as data, one row per line of the policy's examples table and numbered notes.

A dataset rule says: when a dataset's answers match, place this data with this route, for these reasons
(clause id, one-line why). Study-level rules (correlations, omics links, notes) live in planner.py and take
their words from the constants below.
"""

from dataclasses import dataclass

from policy.engine.archives import ARCHIVES, PRESUBMISSION_CONTACT
from policy.engine.questions import When, when

Reason = tuple[str, str]  # (clause id, why)

BIA_CONTACT = ARCHIVES["bia"].contact
EMPIAR_HELP_CONTACT = ARCHIVES["empiar"].contact
ANNOTARE_CONTACT = ARCHIVES["arrayexpress"].contact


@dataclass(frozen=True, slots=True)
class Route:
    key: str
    archive: str
    how: str
    per_dataset: bool  # False: one deposition gathers every dataset of the study on this route

    @property
    def submit_url(self) -> str:
        """Where the depositor starts the submission: the archive's entry point."""
        return ARCHIVES[self.archive].submit_url


@dataclass(frozen=True, slots=True)
class Placement:
    route: str
    contents: str
    optional: bool = False  # the policy says the data "can" go there, not that it must
    # Images, or what is made from them (maps, models, segmentations, mass-spectrometry imaging): medical imaging
    # refuses them, and the dataset's other data (sequencing reads, mass spectra) keeps its route.
    images: bool = True


@dataclass(frozen=True, slots=True)
class DatasetRule:
    applies: When
    places: tuple[Placement, ...]
    reasons: tuple[Reason, ...]


# Archives that release what they hold only under controlled access; every other archive a plan names releases
# data and its sample metadata openly, to anyone (beyond-policy:consent-open-release).
CONTROLLED_ACCESS_ARCHIVES = frozenset({"ega"})

# The order to deposit in. Omics first, so the image submission can cite their accessions
# (beyond-policy:omics-first), EGA before ArrayExpress (for human reads under controlled access, ArrayExpress's step
# is optional); EMDB before EMPIAR, whose entries cite the EMD accession (beyond-policy:empiar-emdb-link), and the
# PDB model right after the EMDB map it is fitted to; the BioImage Archive last, because it holds the linking
# information that cites all the others (rule-3).
ARCHIVE_ORDER: tuple[str, ...] = ("ega", "arrayexpress", "pride", "metabolights", "emdb", "pdb", "empiar", "bia")

BIA_IMAGING_ROUTE = "bia-imaging"
EMDB_AVERAGE_ROUTE = "emdb-average"
ARRAYEXPRESS_PROCESSED_ROUTE = "arrayexpress-processed"
PDB_DIFFRACTION_ROUTE = "pdb-diffraction"
ROUTES: dict[str, Route] = {
    route.key: route
    for route in (
        Route(
            BIA_IMAGING_ROUTE,
            "bia",
            "BioStudies/BioImage Archive submission system, with the imaging (“BioImaging”) metadata template",
            per_dataset=False,
        ),
        Route(
            "bia-screen-compound",
            "bia",
            "BioStudies/BioImage Archive submission system, with the compound-screen metadata template "
            f"(ask {BIA_CONTACT} for it)",
            per_dataset=True,
        ),
        Route(
            "bia-screen-genetic",
            "bia",
            "BioStudies/BioImage Archive submission system, with the genetic (e.g. knockout) screen metadata "
            f"template (ask {BIA_CONTACT} for it)",
            per_dataset=True,
        ),
        Route(
            "bia-screen-other",
            "bia",
            "BioStudies/BioImage Archive submission system, with the screen metadata template that "
            f"{BIA_CONTACT} recommends for your screen type",
            per_dataset=True,
        ),
        Route(
            "empiar",
            "empiar",
            "EMPIAR deposition system",
            per_dataset=True,
        ),
        Route(
            "emdb",
            "emdb",
            "wwPDB OneDep deposition system, one EMDB entry (one deposition) per map",
            per_dataset=True,
        ),
        Route(
            EMDB_AVERAGE_ROUTE,
            "emdb",
            "wwPDB OneDep deposition system, an EMDB entry of its own",
            per_dataset=True,
        ),
        Route(
            "pdb",
            "pdb",
            "wwPDB OneDep deposition system, with its EMDB map (deposit them together, or name the map as a "
            "related deposition)",
            per_dataset=True,
        ),
        Route(
            PDB_DIFFRACTION_ROUTE,
            "pdb",
            "wwPDB OneDep deposition system, as an electron diffraction structure: the model with its structure "
            "factors",
            per_dataset=True,
        ),
        Route(
            "arrayexpress",
            "arrayexpress",
            "Annotare, ArrayExpress's submission tool (raw reads are passed on to ENA)",
            per_dataset=True,
        ),
        Route(
            ARRAYEXPRESS_PROCESSED_ROUTE,
            "arrayexpress",
            f"Annotare, with processed data only: a curator must approve the submission, so write to "
            f"{ANNOTARE_CONTACT} first",
            per_dataset=True,
        ),
        Route(
            "pride",
            "pride",
            "PRIDE submission tool (ProteomeXchange)",
            per_dataset=True,
        ),
        Route(
            "metabolights",
            "metabolights",
            "MetaboLights Online Editor",
            per_dataset=True,
        ),
        Route(
            "ega",
            "ega",
            "EGA Submitter Portal, after uploading the encrypted files: human data under controlled access",
            per_dataset=True,
        ),
    )
}

EM = "electron_microscopy"
CRYO_ET = {"modality": EM, "em_method": "cryo_et"}
SPATIAL_OMICS_IN_A_REPOSITORY = {"modality": "spatial_omics", "omics_repository_fits": True}
SEQUENCING_OMICS = ("transcriptomics", "epigenomics")
# Sequencing data may be released openly (ArrayExpress) when it is not human, or when the participants consented
# to open release of the dataset's data and its reads need no controlled access.
OPEN_SEQUENCING = (
    {"human_tissue": False, "medical_imaging": False},
    {"human_data_open": True, "human_controlled_access": False},
)
# Human sequencing data goes to EGA, under controlled access: when its reads must stay controlled although the rest
# may be open, when the participants did not consent to open release or were not asked (None: a question an
# earlier contract version never asked), and when it comes with medical imaging of people, which no human-samples
# question covered.
CONTROLLED_SEQUENCING = (
    {"human_data_open": True, "human_controlled_access": True},
    {"human_tissue": True, "human_data_open": (False, None)},
    {"human_tissue": False, "medical_imaging": True},
)
EGA_WITHOUT_CONSENT_REASON: Reason = (
    "beyond-policy:ega",
    "Human sequencing data without consent for open release goes to EGA.",
)
# Why the reads go to EGA, for each row of CONTROLLED_SEQUENCING: its first row has the participants' consent to
# open release, which the reads must go without.
EGA_WHY = (
    (
        "beyond-policy:ega",
        "With consent to open release of the rest, the reads that must stay under controlled access go to EGA.",
    ),
    EGA_WITHOUT_CONSENT_REASON,
    EGA_WITHOUT_CONSENT_REASON,
)

RULE_2: Reason = ("rule-2", "Imaging data that EMPIAR does not take goes to the BioImage Archive.")
BIA_FILE_LIST_REASON: Reason = (
    "beyond-policy:bia-file-list",
    "List every file in a file list (first column header Files), with a column for what each file is.",
)
SCREEN_REASON: Reason = ("table-high-content-screening", "High-content screening images go to the BioImage Archive.")
EMDB_ONEDEP_REASON: Reason = ("beyond-policy:emdb-onedep", "EMDB entries are deposited through wwPDB OneDep.")
EMDB_ONE_MAP_REASON: Reason = (
    "beyond-policy:emdb-one-map",
    "Each EMDB entry holds one primary map, so each tomogram is a deposition of its own.",
)
MANY_TOMOGRAMS_REASON: Reason = (
    "note-2-tomograms",
    "With many tomograms, representative ones go to EMDB; the rest can go to EMPIAR.",
)
OMICS_REPOSITORY_REASON: Reason = ("spatial-omics", "The omics data goes to the relevant omics repository.")
SPATIAL_DATA_REASON: Reason = (
    "spatial-omics",
    "Spatial data (images, segmentations) is centralised in the BioImage Archive.",
)

NON_IMAGE_REASON: Reason = (
    "beyond-policy:related-data-links",
    "The policy covers image data: the study's other data goes to its repository, cited by the image and structure "
    "depositions.",
)
# The EMPIAR-bound 3D images whose segmentations the plan places.
SEGMENTED_3D: tuple[dict, ...] = (
    {"modality": EM, "em_method": ("cryo_et", "volume_em")},
    {"modality": "xray_imaging", "dimensionality": "3d"},
)

# The policy's examples table and notes, row by row. Every matching rule adds its placements.
DATASET_RULES: tuple[DatasetRule, ...] = (
    DatasetRule(
        when(modality="light_microscopy"),
        (Placement(BIA_IMAGING_ROUTE, "light microscopy images"),),
        (
            ("table-light-microscopy", "Light microscopy, super-resolution included, goes to the BioImage Archive."),
            RULE_2,
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method="2d"),
        (Placement(BIA_IMAGING_ROUTE, "2D electron micrographs"),),
        (("table-2d-em", "2D electron microscopy goes to the BioImage Archive; only 3D EM goes to EMPIAR."), RULE_2),
    ),
    DatasetRule(
        when(modality="high_content_screening", screen_type="compound"),
        (Placement("bia-screen-compound", "screen images, with plate, well and compound for each file"),),
        (
            SCREEN_REASON,
            ("note-1", f"Compound screens have their own metadata template: ask {BIA_CONTACT}."),
            BIA_FILE_LIST_REASON,
        ),
    ),
    DatasetRule(
        when(modality="high_content_screening", screen_type="genetic"),
        (Placement("bia-screen-genetic", "screen images, with plate, well and gene for each file"),),
        (
            SCREEN_REASON,
            ("note-1", f"Genetic knockout screens have their own metadata template: ask {BIA_CONTACT}."),
            BIA_FILE_LIST_REASON,
        ),
    ),
    DatasetRule(
        when(modality="high_content_screening", screen_type="other"),
        (Placement("bia-screen-other", "screen images, with plate, well and condition for each file"),),
        (
            SCREEN_REASON,
            ("note-1", f"Screen types have specific metadata templates: ask {BIA_CONTACT} which fits."),
            BIA_FILE_LIST_REASON,
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
            RULE_2,
        ),
    ),
    DatasetRule(
        when(modality="xray_imaging", dimensionality="2d"),
        (Placement(BIA_IMAGING_ROUTE, "2D X-ray images"),),
        (
            ("table-other-imaging", "2D X-ray imaging is not listed elsewhere, so it goes to the BioImage Archive."),
            ("rule-2", "EMPIAR takes X-ray tomography only; other imaging data goes to the BioImage Archive."),
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
        (Placement("emdb", "the 3D map, with its half-maps (required) and an image"),),
        (("beyond-policy:emdb-maps", "The reconstructed map itself goes to EMDB, not to EMPIAR."), EMDB_ONEDEP_REASON),
    ),
    DatasetRule(
        when(**CRYO_ET, tilt_series=True),
        (Placement("empiar", "raw tilt series"),),
        (
            ("note-2-tilt-series", "Cryo-ET raw tilt series go only to EMPIAR."),
            ("rule-1", "EMPIAR accepts raw images underpinning tomograms."),
        ),
    ),
    DatasetRule(
        when(**CRYO_ET, tomograms="few"),
        (Placement("emdb", "all the tomograms, each as an EMDB entry of its own"),),
        (("note-2-tomograms", "A small number of tomograms all go to EMDB."), EMDB_ONEDEP_REASON, EMDB_ONE_MAP_REASON),
    ),
    DatasetRule(
        when(**CRYO_ET, tomograms="many"),
        (Placement("emdb", "one or a few representative tomograms, each as an EMDB entry of its own"),),
        (MANY_TOMOGRAMS_REASON, EMDB_ONEDEP_REASON, EMDB_ONE_MAP_REASON),
    ),
    DatasetRule(
        when(**CRYO_ET, tomograms="many"),
        (Placement("empiar", "the remaining tomograms", optional=True),),
        (MANY_TOMOGRAMS_REASON, ("table-cryo-et", "EMPIAR takes cryo-ET data, as note 2 describes.")),
    ),
    DatasetRule(
        when(**CRYO_ET, subtomogram_average=True),
        (Placement(EMDB_AVERAGE_ROUTE, "the subtomogram average, with its half-maps (required) and an image"),),
        (
            ("beyond-policy:emdb-maps", "Reconstructions, subtomogram averages included, go to EMDB."),
            ("beyond-policy:emdb-half-maps", "Half-maps are required for subtomogram averages."),
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method=("single_particle", "cryo_et"), atomic_model=True),
        (Placement("pdb", "the atomic model fitted to the map"),),
        (
            ("beyond-policy:emdb-maps", "Models go to the PDB, maps to EMDB, each referencing the other."),
            ("beyond-policy:pdb-onedep", "Atomic models are deposited to the PDB through the same OneDep system."),
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
        when(**SPATIAL_OMICS_IN_A_REPOSITORY),
        (Placement(BIA_IMAGING_ROUTE, "spatial data: images and segmentations"),),
        (SPATIAL_DATA_REASON,),
    ),
    # Sequencing goes to ArrayExpress unless human participants' data must stay under controlled access (EGA).
    # Either no human samples, or human samples whose data may be released openly:
    *(
        DatasetRule(
            when(**SPATIAL_OMICS_IN_A_REPOSITORY, omics_type="transcriptomics", **open_release),
            (
                Placement("arrayexpress", "the spatial transcriptomics sequencing data", images=False),
                Placement("arrayexpress", "the raw high-resolution tissue images that go with the sequencing data"),
            ),
            (
                OMICS_REPOSITORY_REASON,
                ("beyond-policy:arrayexpress", "Sequencing-based spatial transcriptomics goes to ArrayExpress."),
                (
                    "beyond-policy:arrayexpress-st",
                    "ArrayExpress takes the raw tissue images with the reads; human data only with consent for "
                    "public release.",
                ),
            ),
        )
        for open_release in OPEN_SEQUENCING
    ),
    *(
        DatasetRule(
            when(**SPATIAL_OMICS_IN_A_REPOSITORY, omics_type="epigenomics", **open_release),
            (
                Placement(
                    "arrayexpress", "the spatial epigenomics or functional genomics sequencing data", images=False
                ),
            ),
            (
                OMICS_REPOSITORY_REASON,
                (
                    "beyond-policy:arrayexpress-functional-genomics",
                    "ArrayExpress takes all functional genomics data, ATAC-seq and ChIP-seq included, through "
                    "Annotare.",
                ),
            ),
        )
        for open_release in OPEN_SEQUENCING
    ),
    *(
        DatasetRule(
            when(**SPATIAL_OMICS_IN_A_REPOSITORY, omics_type=SEQUENCING_OMICS, **controlled),
            (Placement("ega", "the human sequencing data (raw reads), under controlled access", images=False),),
            (
                OMICS_REPOSITORY_REASON,
                why,
                (
                    "beyond-policy:ega-consent",
                    "EGA accepts data only when the participants' consents require controlled access distribution.",
                ),
            ),
        )
        for controlled, why in zip(CONTROLLED_SEQUENCING, EGA_WHY, strict=True)
    ),
    # Annotare documents a processed-data-only submission for human spatial transcriptomics (not for other
    # functional genomics): optional, beside the reads in EGA, and open, so only with consent to open release.
    DatasetRule(
        when(
            **SPATIAL_OMICS_IN_A_REPOSITORY,
            omics_type="transcriptomics",
            human_data_open=True,
            human_controlled_access=True,
        ),
        (
            Placement(
                ARRAYEXPRESS_PROCESSED_ROUTE,
                "processed data only, without the raw reads (those go to EGA)",
                optional=True,
                images=False,
            ),
        ),
        (
            (
                "beyond-policy:arrayexpress-processed-only",
                f"ArrayExpress can take processed data only when human raw data cannot be public, if a curator "
                f"approves: ask {ANNOTARE_CONTACT}.",
            ),
        ),
    ),
    DatasetRule(
        when(**SPATIAL_OMICS_IN_A_REPOSITORY, omics_type="proteomics"),
        (Placement("pride", "the mass-spectrometry proteomics data", images=False),),
        (
            OMICS_REPOSITORY_REASON,
            ("beyond-policy:omics-repositories", "Proteomics data goes to PRIDE."),
            (
                "beyond-policy:pride-mass-spectrometry",
                "PRIDE takes mass spectra; imaging-based proteomics (CODEX, IMC, MIBI, CyCIF) stays with the images.",
            ),
        ),
    ),
    DatasetRule(
        when(**SPATIAL_OMICS_IN_A_REPOSITORY, omics_type="metabolomics"),
        # Mass-spectrometry imaging: images.
        (Placement("metabolights", "the spatial metabolomics data"),),
        (
            OMICS_REPOSITORY_REASON,
            ("beyond-policy:omics-repositories", "Metabolomics data goes to MetaboLights."),
            ("beyond-policy:metabolights-msi", "MetaboLights has an assay template for mass-spectrometry imaging."),
        ),
    ),
    # 3D electron diffraction (microED) has no line in the policy: each part goes where the archives' own pages
    # say, never to the BioImage Archive.
    DatasetRule(
        when(modality=EM, em_method="microed"),
        (Placement("empiar", "the raw diffraction images"),),
        (
            (
                "beyond-policy:empiar-microed",
                "EMPIAR takes microcrystal electron diffraction data: diffraction images.",
            ),
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method="microed", ed_map=True),
        (Placement("emdb", "the 3D map from the diffraction data, with an image"),),
        (
            (
                "beyond-policy:emdb-electron-diffraction",
                "The final 3D reconstruction of an electron diffraction experiment can go to EMDB.",
            ),
            EMDB_ONEDEP_REASON,
        ),
    ),
    DatasetRule(
        when(modality=EM, em_method="microed", atomic_model=True),
        (Placement(PDB_DIFFRACTION_ROUTE, "the atomic model and its structure factors"),),
        (
            ("beyond-policy:pdb-microed", "Structures determined by 3D electron diffraction go to the PDB."),
            (
                "beyond-policy:onedep-structure-factors",
                "The model and its structure factors are uploaded together in OneDep.",
            ),
        ),
    ),
    # Segmentations of EMPIAR-bound 3D images: with the entry, or as a BioImage Archive annotation submission that
    # cites the entry (the archives' own pages; the policy names segmentations only for spatial omics).
    *(
        DatasetRule(
            when(**three_d, segmentations="with_empiar"),
            (Placement("empiar", "segmentations and annotations of the 3D images"),),
            (
                (
                    "beyond-policy:empiar-downstream",
                    "EMPIAR welcomes downstream files, such as segmentations, with the images they were made from.",
                ),
            ),
        )
        for three_d in SEGMENTED_3D
    ),
    *(
        DatasetRule(
            when(**three_d, segmentations="bia_annotations"),
            (Placement(BIA_IMAGING_ROUTE, "segmentations and annotations of the 3D images (without the images)"),),
            (
                (
                    "beyond-policy:bia-annotations",
                    "The BioImage Archive takes annotations, such as segmentation masks, without their images.",
                ),
            ),
        )
        for three_d in SEGMENTED_3D
    ),
    # Data that is not images: beyond the policy, to its own repository, never the BioImage Archive.
    *(
        DatasetRule(
            when(modality="non_image", data_type="sequencing", **open_release),
            (Placement("arrayexpress", "the sequencing data", images=False),),
            (
                NON_IMAGE_REASON,
                (
                    "beyond-policy:arrayexpress-functional-genomics",
                    "ArrayExpress takes functional genomics sequencing, single-cell RNA-seq included, through "
                    "Annotare.",
                ),
            ),
        )
        for open_release in OPEN_SEQUENCING
    ),
    *(
        DatasetRule(
            when(modality="non_image", data_type="sequencing", **controlled),
            (Placement("ega", "the human sequencing data (raw reads), under controlled access", images=False),),
            (
                NON_IMAGE_REASON,
                ("beyond-policy:ega", "Human sequencing data without consent for open release goes to EGA."),
                (
                    "beyond-policy:ega-consent",
                    "EGA accepts data only when the participants' consents require controlled access distribution.",
                ),
            ),
        )
        for controlled in CONTROLLED_SEQUENCING
    ),
    DatasetRule(
        when(modality="non_image", data_type="proteomics"),
        (Placement("pride", "the mass-spectrometry proteomics data (cross-linking MS included)", images=False),),
        (
            NON_IMAGE_REASON,
            ("beyond-policy:omics-repositories", "Proteomics data goes to PRIDE."),
            ("beyond-policy:pride-mass-spectrometry", "PRIDE takes mass-spectrometry proteomics data."),
        ),
    ),
    DatasetRule(
        when(modality="non_image", data_type="metabolomics"),
        (Placement("metabolights", "the metabolomics data", images=False),),
        (NON_IMAGE_REASON, ("beyond-policy:omics-repositories", "Metabolomics data goes to MetaboLights.")),
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

MEDICAL_IMAGING_REASONS: tuple[Reason, ...] = (
    (
        "background-patient",
        "No EBI resource accepts medical imaging of people (patients or healthy volunteers): the policy says "
        "patient-associated medical imaging cannot be deposited in any.",
    ),
    ("table-patient", "Neither the BioImage Archive nor EMPIAR accepts patient-identifiable imaging data."),
    (
        "beyond-policy:bia-scope",
        "The BioImage Archive's development principles exclude medical imaging; this service reads that as "
        "covering healthy volunteers as well as patients.",
    ),
    ("contact", f"For advice on these images, contact {PRESUBMISSION_CONTACT}."),
)

PDB_DIFFRACTION_EMDB_CROSS_REFERENCE_REASONS: tuple[Reason, ...] = (
    ("beyond-policy:emdb-electron-diffraction", "The map of the diffraction data and its model reference each other."),
    ("beyond-policy:pdb-onedep", "OneDep links related depositions."),
)
NON_IMAGE_CITED_REASONS: tuple[Reason, ...] = (NON_IMAGE_REASON,)
ANNOTATION_CROSS_REFERENCE_REASONS: tuple[Reason, ...] = (
    ("beyond-policy:bia-annotations", "Annotations submitted without their images cite where the images are."),
    ("rule-3", "EMPIAR data and other image data are deposited separately, each citing the others."),
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
# A screen in a correlative group is a BioImage Archive submission of its own (its template), which the
# submission holding the correlation information cites: rule 3 (EMPIAR and the BioImage Archive) does not apply.
SCREEN_CROSS_REFERENCE_REASONS: tuple[Reason, ...] = (
    ("note-3.3", "The correlation information goes to the BioImage Archive, citing every dataset it relates."),
    ("note-1", "A screen has its own metadata template, so it is a BioImage Archive submission of its own."),
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
# Volume EM and X-ray tomography are the 3D modalities EMDB does not cover; EMDB does cover cryo-ET.
EMPIAR_WITHOUT_EMDB: tuple[When, ...] = (
    when(modality=EM, em_method="volume_em"),
    when(modality="xray_imaging", dimensionality="3d"),
)
EMPIAR_WITHOUT_EMDB_REASON: Reason = (
    "beyond-policy:empiar-emdb-link",
    "EMDB does not cover this 3D modality, so the EMPIAR entry stands without an EMDB entry.",
)
MICROED_REASONS: tuple[Reason, ...] = (
    (
        "beyond-policy:empiar-microed",
        "EMPIAR's deposition has an experiment type for microcrystal electron diffraction.",
    ),
    ("beyond-policy:empiar-emdb-link", f"EMPIAR's team answers questions before deposition: {EMPIAR_HELP_CONTACT}."),
)
NON_IMAGE_OTHER_REASONS: tuple[Reason, ...] = (
    NON_IMAGE_REASON,
    ("contact", f"Which repository takes this data: ask {PRESUBMISSION_CONTACT}."),
)
MICROED_WITHOUT_EMDB_REASON: Reason = (
    "beyond-policy:empiar-emdb-link",
    f"EMPIAR normally requires an associated EMDB entry: with no map of the diffraction data in EMDB, contact "
    f"{EMPIAR_HELP_CONTACT} before depositing.",
)
CRYO_ET_WITHOUT_EMDB_REASON: Reason = (
    "beyond-policy:empiar-cryo-et",
    f"EMPIAR normally requires an associated EMDB entry: deposit a tomogram or subtomogram average to EMDB, or "
    f"contact {EMPIAR_HELP_CONTACT} before depositing.",
)
TILT_SERIES_ENCOURAGED_REASON: Reason = (
    "beyond-policy:emdb-raw-data",
    "EMDB strongly encourages depositing all raw data, tilt series included, in EMPIAR.",
)
PDB_EMDB_CROSS_REFERENCE_REASONS: tuple[Reason, ...] = (
    ("beyond-policy:emdb-maps", "Models in the PDB and maps in EMDB reference each other."),
    ("beyond-policy:pdb-onedep", "OneDep links related depositions."),
)
EMPIAR_TRANSFER_REASON: Reason = (
    "beyond-policy:empiar-transfer",
    "Large data travels to EMPIAR by Aspera or Globus, or with the empiar-depositor command-line tool.",
)
EMPIAR_RELEASE_REASON: Reason = (
    "beyond-policy:empiar-release",
    "EMPIAR releases an entry after processing, with its EMDB entry, on publication, or one year after deposition: "
    "you choose when you deposit.",
)
BIA_TRANSFER_REASON: Reason = (
    "beyond-policy:biostudies-upload",
    "Upload small data through the web; large data (10 GiB and more) by FTP or Aspera.",
)
ARRAYEXPRESS_RELEASE_REASON: Reason = (
    "beyond-policy:arrayexpress-release",
    "Once its accession is cited in a publication, preprints included, the ArrayExpress dataset must be released.",
)
CONSENT_CLAUSE = "beyond-policy:consent-open-release"
HUMAN_SAMPLES_REASONS: tuple[Reason, ...] = (
    (
        CONSENT_CLAUSE,
        "Data from human participants goes to an archive that releases it to everyone only with their consent to "
        "open release of the data and its sample metadata.",
    ),
    ("beyond-policy:human-samples", "Research images of human tissue samples are archived there, e.g. S-BIAD1407."),
    ("contact", f"Ask {PRESUBMISSION_CONTACT} if you are unsure whether your data can be shared."),
)
# Microscopy of tissue from people: whole-slide images carry more than the tissue.
WHOLE_SLIDE_MODALITIES = ("light_microscopy",)
WHOLE_SLIDE_REASON: Reason = (
    "beyond-policy:wsi-deidentification",
    "If these are whole-slide images, remove their label and macro images and the scanner's metadata before "
    "deposition: they can identify the patient.",
)
# Why data from people without consent to its open release goes to none of the archives it would go to: the first
# reason, by what the answers say, then each archive's openness.
HUMAN_DATA_CLOSED_WHY: dict[str, Reason] = {
    "no": (
        CONSENT_CLAUSE,
        "The participants did not consent to open release of this dataset's data and its sample metadata, and the "
        "archives it would go to release both to everyone.",
    ),
    "not_asked": (
        CONSENT_CLAUSE,
        "Whether the participants consented to open release of this dataset's data was not asked in the version of "
        "the questions these answers were given in, so no archive that releases data to everyone receives it.",
    ),
    "with_medical": (
        CONSENT_CLAUSE,
        "This data comes with medical imaging of people, and no answer says that the participants consented to its "
        "open release, so no archive that releases data to everyone receives it.",
    ),
}
HUMAN_DATA_CLOSED_REASONS: dict[str, Reason] = {
    "bia": (
        "beyond-policy:bia-open-access",
        "The BioImage Archive is open: any researcher can freely access and reuse what it holds.",
    ),
    "arrayexpress": (
        "beyond-policy:arrayexpress-st",
        "ArrayExpress takes human spatial transcriptomics data only with consent for public release.",
    ),
    "empiar": ("beyond-policy:empiar-cc0", "EMPIAR releases all its data openly, under CC0."),
    "emdb": ("beyond-policy:emdb-hold", "EMDB releases every map, after a hold of at most one year."),
    "pdb": ("beyond-policy:wwpdb-hold", "The PDB releases every model with its map, after a hold of at most a year."),
    "pride": ("beyond-policy:pride-metabolights-open", "PRIDE releases the data and its sample metadata openly."),
    "metabolights": (
        "beyond-policy:pride-metabolights-open",
        "MetaboLights releases the data and its sample metadata openly.",
    ),
}
HUMAN_DATA_CONTACT_REASON: Reason = ("contact", f"For advice on this data, contact {PRESUBMISSION_CONTACT}.")
# EMPIAR's publication condition covers 3D SEM and soft X-ray tomography: not serial-section electron tomography
# (TEM) nor hard X-ray. A method not asked (an earlier contract version) or "other" may be one it covers.
METHODS_OUTSIDE_EMPIAR_PUBLICATION = {"volume_em_method": ("serial_section_et",), "xray_method": ("hard_xray",)}
EMPIAR_PUBLICATION_REASON: Reason = (
    "beyond-policy:empiar-publication",
    "EMPIAR takes 3D SEM and soft X-ray tomography data directly related to a publication or to a community "
    "initiative such as benchmarking.",
)
OMICS_OTHER_REASONS: tuple[Reason, ...] = (
    ("spatial-omics", "The omics data goes to the relevant omics repository."),
    ("contact", f"Which repository takes this omics data: ask {PRESUBMISSION_CONTACT}."),
    (
        "spatial-omics-no-repository",
        "If it fits no existing omics repository, all of it can go to the BioImage Archive with the spatial data.",
    ),
)
ORDER_REASON: Reason = (
    "beyond-policy:deposition-order",
    "A deposition that cites another's accession is made after it, so the accession exists when you need it.",
)
EMPIAR_RAW_REASON: Reason = ("beyond-policy:empiar-raw", "Deposit the rawest form of the data.")
EMPIAR_CC0_REASON: Reason = ("beyond-policy:empiar-cc0", "EMPIAR releases its data under CC0.")
WWPDB_PREPRINT_REASON: Reason = (
    "beyond-policy:wwpdb-preprint",
    "A public preprint that cites the entry's ID counts as its publication and releases the entry.",
)
BIA_SUBMISSION_REASON: Reason = (
    "beyond-policy:bia-submission",
    "Prepare a file list (first column header Files) and fill the BioImaging (REMBI) template.",
)
MOVABLE_REASON: Reason = (
    "rule-4",
    "EBI may move image data between its resources; the accessions you receive stay valid.",
)
NO_PUBLICATION_REASONS: tuple[Reason, ...] = (
    ("rule-2", "The policy covers imaging data associated with a publication."),
    ("contact", f"Ask {PRESUBMISSION_CONTACT} before depositing data without a publication."),
)
SCREEN_CONTACT_REASON: Reason = ("note-1", f"Screen metadata templates come from {BIA_CONTACT}.")
SCREEN_IDR_REASON: Reason = (
    "beyond-policy:idr",
    "The IDR may add value to a screen, but the archive of record is the BioImage Archive.",
)
# What to do instead, sentence by sentence: what the answers refuse, where the dataset's sequencing reads go when
# they are planned, the rest of the study when any of it is planned, and whom to ask.
MEDICAL_IMAGING_INSTEAD = (
    "Do not deposit these images anywhere at EBI: no EBI resource accepts medical imaging of people (patients or "
    "healthy volunteers), whether or not it identifies them."
)
HUMAN_DATA_CLOSED_INSTEAD = {
    "no": "Do not deposit this data in an archive that releases it to everyone: the participants did not consent to "
    "its open release.",
    "not_asked": "Do not deposit this data in an archive that releases it to everyone before you know that the "
    "participants consented to its open release: change your answers to answer that question.",
    "with_medical": "Do not deposit this data in an archive that releases it to everyone unless the participants "
    "consented to its open release: answer the questions about samples from human participants.",
}
READS_UNDER_CONTROLLED_ACCESS = "Its sequencing reads go to the EGA, under controlled access, as planned."
REST_OF_THE_STUDY = "The rest of the study can still be deposited as planned. "
HUMAN_DATA_CONTACT_INSTEAD = f"For advice on this data, contact {PRESUBMISSION_CONTACT}."
# Cited with the clause of the dataset's refusal.
REFUSED_IN_CORRELATION_WHY = (
    "Images that cannot be deposited are left out of their correlative group; the rest is still linked."
)
QUERIES_REASON: Reason = ("contact", f"Queries about the policy go to {PRESUBMISSION_CONTACT}.")

# What the correlation information is called in the BioImage Archive submission that carries it (planner.py).
CORRELATION_CONTENTS = "correlation information"
# Reasons that say where a kind of data goes without naming the archive ("the relevant omics repository"): a
# placement is explained by the next reason of its rule, which does.
GENERAL_REASONS = frozenset({OMICS_REPOSITORY_REASON})


def _placement_whys() -> dict[tuple[str, str], tuple[Reason, ...]]:
    whys: dict[tuple[str, str], dict[Reason, None]] = {}
    for rule in DATASET_RULES:
        why = next((reason for reason in rule.reasons if reason not in GENERAL_REASONS), None)
        if why is None:  # a rule without a reason of its own explains nothing: its step keeps its first reason
            continue
        for placement in rule.places:
            whys.setdefault((placement.route, placement.contents), {})[why] = None
    whys[(BIA_IMAGING_ROUTE, CORRELATION_CONTENTS)] = {CORRELATION_BIA_PLACEMENT_REASON: None}
    return {key: tuple(reasons) for key, reasons in whys.items()}


PLACEMENT_WHYS = _placement_whys()


def placement_whys(*, route_key: str, contents: str) -> tuple[Reason, ...]:
    """The reasons that can explain, in one sentence, why this data (`contents`, as a deposition lists it) goes by
    this route: one per rule that places it so (their first reason but a general one); none for data the table
    does not place (a plan stored by an earlier release may hold such)."""
    return PLACEMENT_WHYS.get((route_key, contents), ())


def route_whys(*, route_key: str) -> tuple[Reason, ...]:
    """The reasons that can explain why data goes by this route, whatever the data (`placement_whys` of each)."""
    whys = (reasons for (route, _), reasons in PLACEMENT_WHYS.items() if route == route_key)
    return tuple(dict.fromkeys(reason for reasons in whys for reason in reasons))
