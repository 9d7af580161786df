"""The shared vocabulary: every enumeration of the answers contract (version 4) and of the plan.

The wizard's forms, the JSON API's validation and the routing rules all read these; no other module
spells out a choice list.
"""

from dataclasses import dataclass, field

from policy.engine.archives import ARCHIVES


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Enumeration:
    name: str
    choices: tuple[Choice, ...]
    values: tuple[str, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(choice.value for choice in self.choices))

    def label(self, value: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        raise KeyError(value)

    def as_django_choices(self) -> list[tuple[str, str]]:
        return [(choice.value, choice.label) for choice in self.choices]

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "choices": [{"value": c.value, "label": c.label, "hint": c.hint} for c in self.choices],
        }


MODALITY = Enumeration(
    "modality",
    (
        Choice(
            "light_microscopy",
            "Light microscopy",
            "Widefield, confocal, light-sheet, super-resolution and other optical microscopy.",
        ),
        Choice(
            "electron_microscopy",
            "Electron microscopy",
            "Single-particle cryo-EM, cryo-electron tomography, volume EM or 2D EM.",
        ),
        Choice("xray_imaging", "X-ray imaging", "Soft or hard X-ray tomography, or 2D X-ray images."),
        Choice(
            "high_content_screening",
            "High-content screen",
            "Automated imaging of many wells or conditions, such as a compound or genetic screen.",
        ),
        Choice(
            "spatial_omics",
            "Spatial omics",
            "Images and segmentations with spatially resolved transcriptomics, proteomics or metabolomics.",
        ),
        Choice(
            "other",
            "Other imaging",
            "Any other biological imaging, for example atomic force microscopy (AFM) or ultrasound of animals. "
            "MRI, CT or ultrasound of people too: a later question asks if it is medical imaging of people.",
        ),
        Choice(
            "non_image",
            "Data that is not images",
            "Sequencing, proteomics or metabolomics of the study.",
        ),
    ),
)

DATA_TYPE = Enumeration(
    "data_type",
    (
        Choice("sequencing", "Sequencing", "For example bulk or single-cell RNA-seq, ATAC-seq or genome sequencing."),
        Choice(
            "proteomics",
            "Mass-spectrometry proteomics",
            "Cross-linking mass spectrometry (XL-MS) included.",
        ),
        Choice("metabolomics", "Metabolomics", "Mass-spectrometry or NMR metabolomics."),
        Choice("other", "Other data", "We will tell you whom to ask where it goes."),
    ),
)

DIMENSIONALITY = Enumeration(
    "dimensionality",
    (
        Choice("2d", "2D images", "Single planes or projections."),
        Choice("3d", "3D images", "Volumes: stacks, or reconstructions from many views or sections."),
    ),
)

EM_METHOD = Enumeration(
    "em_method",
    (
        Choice(
            "single_particle",
            "Single-particle cryo-EM",
            "Movies or micrographs of many copies of a molecule, averaged into a 3D map.",
        ),
        Choice(
            "cryo_et",
            "Cryo-electron tomography (cryo-ET)",
            "Tilt series of a frozen sample, reconstructed into 3D tomograms.",
        ),
        Choice(
            "volume_em",
            "Volume EM",
            "SBF-SEM, FIB-SEM, serial-section TEM or array tomography: 3D stacks of a cell or tissue.",
        ),
        Choice("2d", "2D electron microscopy", "Individual 2D micrographs, not reconstructed into 3D."),
        Choice(
            "microed",
            "3D electron diffraction (microED)",
            "Diffraction images of small crystals, processed into structure factors and an atomic model.",
        ),
    ),
)

VOLUME_EM_METHOD = Enumeration(
    "volume_em_method",
    (
        Choice("sbf_sem", "Serial block-face SEM (SBF-SEM)", "A block face imaged and cut away, slice after slice."),
        Choice("fib_sem", "Focused ion beam SEM (FIB-SEM)", "A focused ion beam mills the surface between images."),
        Choice("atum", "ATUM-SEM", "Serial sections collected on tape and imaged by SEM."),
        Choice("serial_section_et", "Serial-section electron tomography (ssET)", "Tomograms of serial sections."),
        Choice("array_tomography", "Array tomography", "Arrays of serial sections imaged by SEM."),
        Choice("other", "Another volume EM method", "EMPIAR's deposition asks you to choose its type."),
    ),
)

XRAY_METHOD = Enumeration(
    "xray_method",
    (
        Choice("soft_xray", "Soft X-ray tomography", "Cells imaged in the water window, for example cryo-SXT."),
        Choice("hard_xray", "Hard X-ray tomography or micro-CT", "Tissues or organisms, for example micro-CT."),
        Choice("other", "Another X-ray method", "EMPIAR's deposition asks you to choose its type."),
    ),
)

SEGMENTATIONS = Enumeration(
    "segmentations",
    (
        Choice("none", "No segmentations or annotations", "You deposit the images only."),
        Choice(
            "with_empiar",
            "Yes, with the images in EMPIAR",
            "The segmentations go into the same EMPIAR entry as the images they were made from.",
        ),
        Choice(
            "bia_annotations",
            "Yes, as a BioImage Archive annotation submission",
            "The BioImage Archive takes annotations without their images: the submission cites the EMPIAR or EMDB "
            "entries of the images.",
        ),
    ),
)

TOMOGRAMS = Enumeration(
    "tomograms",
    (
        Choice("none", "None", "You reconstructed no tomograms."),
        Choice("few", "A few", "A small number: all of them go to EMDB."),
        Choice(
            "many",
            "Many",
            "Too many to deposit each to EMDB: one or a few representative ones go to EMDB; the rest can go to EMPIAR.",
        ),
    ),
)

OMICS_TYPE = Enumeration(
    "omics_type",
    (
        Choice("transcriptomics", "Spatial transcriptomics", "For example Visium or Slide-seq sequencing data."),
        Choice(
            "proteomics",
            "Spatial proteomics",
            "Mass-spectrometry proteomics, or imaging-based proteomics such as CODEX, IMC, MIBI or CyCIF.",
        ),
        Choice("metabolomics", "Spatial metabolomics", "For example mass-spectrometry imaging of metabolites."),
        Choice(
            "epigenomics",
            "Spatial epigenomics or other functional genomics",
            "Sequencing such as spatial ATAC-seq, ChIP-seq or CUT&Tag.",
        ),
        Choice("other", "Other omics", "Any other omics readout: we will tell you whom to ask where it goes."),
    ),
)

SCREEN_TYPE = Enumeration(
    "screen_type",
    (
        Choice("compound", "Compound screen", "Cells treated with a library of chemical compounds."),
        Choice("genetic", "Genetic screen", "For example a genetic knockout, knockdown or CRISPR screen."),
        Choice("other", "Another kind of screen", "Any other high-content screen."),
    ),
)

ARCHIVE = Enumeration("archive", tuple(Choice(archive.code, archive.short_name) for archive in ARCHIVES.values()))

LINK_KIND = Enumeration(
    "link_kind",
    (
        Choice("correlation", "Correlation information", "Registrations and transformations between modalities."),
        Choice("omics_link", "Image–omics link", "The accessions that tie images to their omics data."),
        Choice("cross_reference", "Accession cross-reference", "Each deposition cites the others' accessions."),
    ),
)

ENUMERATIONS: tuple[Enumeration, ...] = (
    MODALITY,
    DIMENSIONALITY,
    EM_METHOD,
    VOLUME_EM_METHOD,
    XRAY_METHOD,
    SEGMENTATIONS,
    DATA_TYPE,
    TOMOGRAMS,
    OMICS_TYPE,
    SCREEN_TYPE,
    ARCHIVE,
    LINK_KIND,
)
