"""“Before you start this step”: what each deposition's archive asks the depositor to have ready (metadata, file
formats, how large data travels, release and hold options), each line citing the sourced fact it comes from."""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.engine.archives import ARCHIVES
from policy.engine.datasets import dataset_spatial, dataset_spatial_transcriptomics
from policy.engine.plan import Deposition
from policy.engine.rules import (
    ANNOTARE_CONTACT,
    ARRAYEXPRESS_PROCESSED_ROUTE,
    BIA_CONTACT,
    EMDB_AVERAGE_ROUTE,
    PDB_DIFFRACTION_ROUTE,
)
from policy.stored_result import StoredResult

ACCOUNT = "Account"
METADATA = "Metadata"
FILES = "Files"
TRANSFER = "Large data"
RELEASE = "Release"
DEADLINE = "Deadline"
ACCESSION = "Accession"


@dataclass(frozen=True, slots=True)
class Preparation:
    topic: str
    text: str
    clause: str


def _shows_human_samples(dataset: Mapping) -> bool:
    return dataset.get("human_tissue") is True


def _images_left_out(dataset: Mapping) -> bool:
    """Whether the plan deposits none of the dataset's images while its other data is deposited: medical imaging
    of people, or samples whose participants did not consent to open release."""
    return dataset.get("medical_imaging") is True or (
        _shows_human_samples(dataset) and dataset.get("human_data_open") is False
    )


def _steps_of(stored: StoredResult, datasets: tuple[Mapping, ...], archive: str) -> list[Deposition]:
    """This plan's depositions to `archive` that carry any of these datasets."""
    ids = {dataset["id"] for dataset in datasets}
    return [d for d in stored.depositions_to(archive) if ids & set(d.datasets)]


def _has_correlation(deposition: Deposition, stored: StoredResult) -> bool:
    return any(item.kind == "correlation" and item.performed_in == deposition.key for item in stored.plan.linking)


def _bia_lines(deposition: Deposition, stored: StoredResult, datasets: tuple[Mapping, ...]) -> list[Preparation]:
    components = [f"one for each dataset ({', '.join(deposition.datasets)})"]
    annotated = [dataset["id"] for dataset in datasets if dataset.get("segmentations") == "bia_annotations"]
    if _has_correlation(deposition, stored):
        components.append("one for the correlation information")
    lines = [
        Preparation(
            METADATA,
            f"Study components: {' and '.join(components)}. Describe the study once, then each component in the "
            "REMBI sections biosample, specimen and image acquisition (image correlation for the correlation "
            "component, image analysis where you deposit analysis results).",
            "beyond-policy:rembi",
        ),
        Preparation(
            METADATA,
            "A sample imaged by different methods is split into one study component per method.",
            "beyond-policy:bia-study-components",
        ),
        Preparation(
            FILES,
            "A file list for each study component: .tsv, .xls or .xlsx, first column header Files, one file per row, "
            "no blank rows, / between folders, names case-sensitive. Put what paths mean in its columns.",
            "beyond-policy:bia-file-list",
        ),
    ]
    if annotated:
        lines.append(
            Preparation(
                METADATA,
                f"The components of {', '.join(annotated)} hold segmentations and annotations without their images: "
                "describe them as annotations, citing the EMPIAR or EMDB entries of the images they annotate.",
                "beyond-policy:bia-annotations",
            )
        )
    if deposition.route_key.startswith("bia-screen"):
        lines += [
            Preparation(
                METADATA,
                f"Ask {BIA_CONTACT} for the metadata template of your screen type before you fill the form.",
                "note-1",
            ),
            Preparation(
                FILES,
                "Give the file list Plate, Well and Field columns, and the compound or gene in each well.",
                "beyond-policy:bia-file-list",
            ),
        ]
    if any(_shows_human_samples(dataset) for dataset in datasets):
        lines.append(
            Preparation(
                METADATA,
                "Deposit images of human samples only with the participants' consent to open release of the "
                "images and their sample metadata, and with nothing that identifies anyone.",
                "beyond-policy:consent-open-release",
            )
        )
    if any(dataset_spatial_transcriptomics(dataset) for dataset in datasets):
        lines.append(
            Preparation(
                METADATA,
                "Fill the shared spatial-transcriptomics metadata table (Sample ID, Slide ID …) with the same "
                "identifiers as in the omics submission.",
                "beyond-policy:st-metadata-fields",
            )
        )
    lines += [
        Preparation(
            TRANSFER,
            "Upload small data through the web; use FTP or Aspera for 10 GiB and more.",
            "beyond-policy:biostudies-upload",
        ),
        Preparation(
            DEADLINE,
            "Submit within 3 months of uploading: files left in the upload area for longer may be deleted.",
            "beyond-policy:bia-upload-area",
        ),
    ]
    return [*lines, *_bia_accession_sent(deposition, stored)]


def _bia_accession_sent(deposition: Deposition, stored: StoredResult) -> list[Preparation]:
    """The BioImage Archive submission comes last and cites the EMPIAR and EMDB entries of its correlative
    datasets: they learn its accession afterwards, so that the links run both ways."""
    cited = {key for item in stored.plan.linking if item.performed_in == deposition.key for key in item.cites}
    labels: dict[str, dict[str, None]] = {}
    for other in stored.plan.depositions:
        if other.key in cited and other.archive in ("empiar", "emdb"):
            labels.setdefault(other.archive, {}).update(dict.fromkeys(other.datasets))
    lines = []
    if "empiar" in labels:
        lines.append(
            Preparation(
                ACCESSION,
                f"Once this submission has its accession (S-BIAD…), send it to {ARCHIVES['empiar'].contact} for the "
                f"EMPIAR entry of {', '.join(labels['empiar'])}, so that the entry names this study (its BioStudies "
                "references); typed in here, it also fills the EMPIAR draft.",
                "beyond-policy:empiar-biostudies",
            )
        )
    if "emdb" in labels:
        lines.append(
            Preparation(
                ACCESSION,
                f"Tell EMDB the accession too, for the EMDB entries of {', '.join(labels['emdb'])}: each deposition "
                "cites the others.",
                "rule-3",
            )
        )
    return lines


# What "the rawest form" is, by EM method; volume EM and X-ray data have no movies.
RAWEST_BY_EM_METHOD = {
    "single_particle": "unaligned movies",
    "cryo_et": "the raw tilt series",
    "microed": "the raw diffraction images",
}
RAWEST_OTHERWISE = "the unprocessed image stacks or projections"


def _rawest(datasets: tuple[Mapping, ...]) -> str:
    rawest = dict.fromkeys(RAWEST_BY_EM_METHOD.get(dataset.get("em_method"), RAWEST_OTHERWISE) for dataset in datasets)
    return " and ".join(rawest) or RAWEST_OTHERWISE


def _empiar_lines(deposition: Deposition, stored: StoredResult, datasets: tuple[Mapping, ...]) -> list[Preparation]:
    cites_emdb = any(
        item.performed_in == deposition.key and any(stored.route_of(key) == "emdb" for key in item.cites)
        for item in stored.plan.linking
    )
    lines = [
        Preparation(
            METADATA,
            "Title, release option, experiment type, authors, corresponding author, principal investigator, image "
            "sets (formats MRC, MRCS, TIFF, IMAGIC, DM3, DM4, SPIDER, EER, PNG, JPEG, SMV, EM, TPX3, BigDataViewer "
            "HDF5, or another by name) and citation are required: the draft below fills what this plan determines.",
            "beyond-policy:empiar-deposition-schema",
        ),
        Preparation(
            FILES,
            f"Deposit the rawest form of the data ({_rawest(datasets)}); intermediate files are welcome.",
            "beyond-policy:empiar-raw",
        ),
        Preparation(
            TRANSFER,
            "Transfer the data by Aspera or Globus, or with the empiar-depositor command-line tool.",
            "beyond-policy:empiar-transfer-release",
        ),
        Preparation(
            RELEASE,
            "Release options: RE (directly after the submission has been processed), EP (after the related EMDB "
            "entry has been released), HP (after the related primary citation has been published), HO (delay release "
            "of entry by one year from the date of deposition).",
            "beyond-policy:empiar-transfer-release",
        ),
        Preparation(RELEASE, "EMPIAR releases its data under CC0.", "beyond-policy:empiar-cc0"),
        Preparation(
            DEADLINE,
            "Submit within 12 months of starting the deposition: EMPIAR deletes depositions not submitted by then.",
            "beyond-policy:empiar-unsubmitted",
        ),
    ]
    if cites_emdb:
        lines.insert(
            1,
            Preparation(
                ACCESSION,
                "Have the EMD accession(s) of the EMDB step to hand: the EMPIAR entry cites them.",
                "beyond-policy:empiar-emdb-link",
            ),
        )
    return lines


def _emdb_files(deposition: Deposition, datasets: tuple[Mapping, ...]) -> str:
    # Half-maps are mandatory for single-particle, subtomogram-averaging and helical maps only: never for tomograms.
    if deposition.route_key == EMDB_AVERAGE_ROUTE:
        return "One primary map (the subtomogram average) and an image; half-maps are mandatory for it."
    if any(dataset.get("em_method") == "single_particle" for dataset in datasets):
        return "One primary map and an image; half-maps are mandatory for single-particle maps."
    if any(dataset.get("em_method") == "microed" for dataset in datasets):
        return "One primary map (the 3D map from the diffraction data) and an image."
    return "Each tomogram is an entry of its own, with one primary map and an image."


def _empiar_afterwards(stored: StoredResult, datasets: tuple[Mapping, ...]) -> Preparation | None:
    """EMPIAR comes after EMDB and the PDB in the plan (it cites them), so they learn its accession afterwards."""
    if not _steps_of(stored, datasets, "empiar"):
        return None
    return Preparation(
        ACCESSION,
        "The EMPIAR step comes later in this plan: once you have its accession, tell EMDB and the PDB, so that "
        "their entries cite it.",
        "beyond-policy:empiar-release",
    )


PREPRINT_RELEASES = Preparation(
    RELEASE,
    "A public preprint that cites the entry's ID counts as its publication: the wwPDB then releases the entry, hold "
    "or not.",
    "beyond-policy:wwpdb-preprint",
)


def _emdb_lines(deposition: Deposition, stored: StoredResult, datasets: tuple[Mapping, ...]) -> list[Preparation]:
    lines = [Preparation(FILES, _emdb_files(deposition, datasets), "beyond-policy:emdb-onedep")]
    if any(
        deposition.key in item.cites and stored.route_of(item.performed_in) == "pdb" for item in stored.plan.linking
    ):
        lines.append(
            Preparation(
                METADATA,
                "Deposit the atomic model with this map in one OneDep session, or name this map as a related "
                "deposition when you deposit the model.",
                "beyond-policy:emdb-onedep",
            )
        )
    if afterwards := _empiar_afterwards(stored, datasets):
        lines.append(afterwards)
    lines += [
        Preparation(
            RELEASE,
            "A map may be held for at most one year from deposition; ask for the hold when you first deposit.",
            "beyond-policy:emdb-hold",
        ),
        PREPRINT_RELEASES,
    ]
    return lines


def _pdb_lines(deposition: Deposition, stored: StoredResult, datasets: tuple[Mapping, ...]) -> list[Preparation]:
    if deposition.route_key == PDB_DIFFRACTION_ROUTE:
        files = Preparation(
            FILES,
            "The atomic model (mmCIF) and its structure factors, uploaded together in OneDep.",
            "beyond-policy:onedep-structure-factors",
        )
    else:
        files = Preparation(
            FILES,
            "Deposit the model in the same OneDep session as its map, or after the map is in EMDB.",
            "beyond-policy:wwpdb-hold",
        )
    return [
        files,
        Preparation(
            RELEASE,
            "A hold lasts at most one year; map and model share it when deposited together.",
            "beyond-policy:wwpdb-hold",
        ),
        PREPRINT_RELEASES,
        Preparation(
            ACCESSION,
            "Cite the whole PDB ID you receive (pdb_ and eight characters once four-character IDs run out).",
            "beyond-policy:pdb-ids",
        ),
        *filter(None, [_empiar_afterwards(stored, datasets)]),
    ]


def _arrayexpress_lines(
    deposition: Deposition, stored: StoredResult, datasets: tuple[Mapping, ...]
) -> list[Preparation]:
    if deposition.route_key == ARRAYEXPRESS_PROCESSED_ROUTE:
        lines = [
            Preparation(
                ACCOUNT,
                f"Write to {ANNOTARE_CONTACT} before you submit: a curator must approve a submission of processed "
                "data only, which ArrayExpress takes when human raw data cannot be released publicly.",
                "beyond-policy:arrayexpress-processed-only",
            ),
            Preparation(
                FILES,
                "Processed data only, without the raw reads: they go to EGA.",
                "beyond-policy:arrayexpress-processed-only",
            ),
            Preparation(
                FILES,
                "Leave out the raw tissue images that Annotare's spatial transcriptomics guide asks for: this plan "
                "deposits none of them (medical imaging of people, or no consent to their open release)."
                if any(_images_left_out(dataset) for dataset in datasets)
                else "The raw high-resolution tissue images, as Annotare's spatial transcriptomics guide asks.",
                "beyond-policy:arrayexpress-st-submission",
            ),
        ]
    elif any(dataset_spatial_transcriptomics(dataset) for dataset in datasets):
        images_closed = any(_images_left_out(dataset) for dataset in datasets)
        lines = [
            Preparation(
                METADATA,
                "Sequencing metadata following MINSEQE, in Annotare's single cell sequencing template (the one "
                "documented for spatial transcriptomics).",
                "beyond-policy:minseqe",
            ),
            Preparation(
                METADATA,
                "The shared spatial-transcriptomics metadata table (Sample ID, Slide ID …), with the same "
                "identifiers as in the image submission.",
                "beyond-policy:st-metadata-fields",
            ),
            Preparation(
                FILES,
                "Raw reads as compressed FASTQ or BAM. This plan deposits none of the tissue images (medical "
                "imaging of people, or no consent to their open release): ask "
                f"{ANNOTARE_CONTACT} how to submit without them."
                if images_closed
                else "Raw reads as compressed FASTQ or BAM, with the raw high-resolution tissue images. Human data "
                "only with consent for public release.",
                "beyond-policy:arrayexpress-st-submission",
            ),
        ]
    else:
        lines = [
            Preparation(
                METADATA,
                "Sequencing metadata following MINSEQE.",
                "beyond-policy:minseqe",
            ),
            Preparation(
                METADATA,
                "Describe the assay (ATAC-seq, ChIP-seq, CUT&Tag …) as Annotare's guide for functional genomics asks.",
                "beyond-policy:arrayexpress-functional-genomics",
            ),
        ]
    return [
        *lines,
        Preparation(
            TRANSFER,
            "Upload files of 1 GB or more to Annotare by FTP, Aspera or Globus, not through the browser.",
            "beyond-policy:annotare-upload",
        ),
        Preparation(
            RELEASE,
            "Private until its release date, which you can change at any time; once the accession is cited "
            "(preprints included), the data must be released.",
            "beyond-policy:arrayexpress-release",
        ),
        Preparation(
            ACCESSION,
            "The E-MTAB accession comes by email, usually within 24 hours of submitting.",
            "beyond-policy:arrayexpress-submission",
        ),
    ]


def _pride_lines(deposition: Deposition, stored: StoredResult, datasets: tuple[Mapping, ...]) -> list[Preparation]:
    spatial = any(dataset_spatial(dataset) for dataset in datasets)
    return [
        Preparation(
            FILES,
            "Mass-spectrometry data only: imaging-based proteomics (CODEX, IMC, MIBI, CyCIF) stays with the images "
            "in the BioImage Archive."
            if spatial
            else "Mass-spectrometry proteomics data, cross-linking MS included.",
            "beyond-policy:pride-mass-spectrometry",
        ),
        Preparation(
            TRANSFER,
            "Submit with the PRIDE Submission tool, or by Globus.",
            "beyond-policy:pride-submission",
        ),
        Preparation(
            ACCESSION,
            "After curation (up to five working days) you receive the PXD accession and reviewer credentials.",
            "beyond-policy:pride-submission",
        ),
    ]


def _metabolights_lines(
    deposition: Deposition, stored: StoredResult, datasets: tuple[Mapping, ...]
) -> list[Preparation]:
    return [
        Preparation(
            ACCOUNT,
            "A MetaboLights account: the study is created, validated and submitted in the MetaboLights Online Editor.",
            "beyond-policy:metabolights-editor",
        ),
        *(
            [
                Preparation(
                    METADATA,
                    "Use MetaboLights' assay template for mass spectrometry imaging.",
                    "beyond-policy:metabolights-msi",
                )
            ]
            if any(dataset_spatial(dataset) for dataset in datasets)
            else []
        ),
        Preparation(
            ACCESSION,
            "The study receives an MTBLS accession to cite in the publication.",
            "beyond-policy:metabolights-accession",
        ),
    ]


def _ega_lines(deposition: Deposition, stored: StoredResult, datasets: tuple[Mapping, ...]) -> list[Preparation]:
    # What EGA itself requires; the shared spatial-transcriptomics table is the BioImage Archive's and
    # ArrayExpress's, and donor attributes belong in EGA only.
    return [
        Preparation(
            ACCOUNT,
            "An EGA submitter account (ask the EGA helpdesk). EGA accepts the data only if the participants' "
            "consents require controlled access distribution.",
            "beyond-policy:ega-consent",
        ),
        Preparation(
            ACCOUNT,
            "A signed Data Processing Agreement, a Data Access Committee that decides who may use the data, and "
            "an authorised submitter; the data must match the participants' consent.",
            "beyond-policy:ega-submission",
        ),
        Preparation(
            TRANSFER,
            "Encrypt the files with Crypt4GH and upload them to your EGA inbox before registering their metadata.",
            "beyond-policy:ega-inbox",
        ),
        Preparation(
            METADATA,
            "In the Submitter Portal: the study, the samples (with donor attributes such as sex and phenotype), "
            "experiments, runs, the Data Access Committee, a data access policy and a dataset. Allow about a month.",
            "beyond-policy:ega-submitter-portal",
        ),
        Preparation(
            RELEASE,
            "Access is controlled: readers apply to your Data Access Committee.",
            "beyond-policy:ega-controlled-access",
        ),
        Preparation(
            ACCESSION,
            "Cite the study accession (EGAS…) and the dataset accession (EGAD…) in the publication: readers request "
            "access to the dataset from its Data Access Committee.",
            "beyond-policy:ega-access",
        ),
    ]


LINES_BY_ARCHIVE = {
    "bia": _bia_lines,
    "empiar": _empiar_lines,
    "emdb": _emdb_lines,
    "pdb": _pdb_lines,
    "arrayexpress": _arrayexpress_lines,
    "pride": _pride_lines,
    "metabolights": _metabolights_lines,
    "ega": _ega_lines,
}


def preparations_for(*, deposition: Deposition, stored: StoredResult) -> tuple[Preparation, ...]:
    """What to have ready before this deposition, most useful first; none for an archive we know nothing about."""
    lines = LINES_BY_ARCHIVE.get(deposition.archive)
    if lines is None:
        return ()
    return tuple(lines(deposition, stored, stored.datasets_of(deposition)))
