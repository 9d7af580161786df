"""“Before you start this step”: what each deposition's archive asks the depositor to have ready (metadata, file
formats, how large data travels, release and hold options), each line citing the sourced fact it comes from."""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.engine.rules import BIA_CONTACT

METADATA = "Metadata"
FILES = "Files"
TRANSFER = "Large data"
RELEASE = "Release"
ACCESSION = "Accession"


@dataclass(frozen=True, slots=True)
class Preparation:
    topic: str
    text: str
    clause: str


def _route(deposition: Mapping) -> str:
    return deposition["key"].split(":", 1)[0]


def _datasets(deposition: Mapping, answers: Mapping) -> list[Mapping]:
    by_id = {dataset["id"]: dataset for dataset in answers["datasets"]}
    return [by_id[dataset_id] for dataset_id in deposition["datasets"] if dataset_id in by_id]


def _is_spatial_transcriptomics(dataset: Mapping) -> bool:
    return dataset.get("modality") == "spatial_omics" and dataset.get("omics_type") == "transcriptomics"


def _has_correlation(deposition: Mapping, plan: Mapping) -> bool:
    return any(item["kind"] == "correlation" and item["in"] == deposition["key"] for item in plan["linking"])


def _bia_lines(deposition: Mapping, plan: Mapping, datasets: list[Mapping]) -> list[Preparation]:
    components = [f"one for each dataset ({', '.join(deposition['datasets'])})"]
    if _has_correlation(deposition, plan):
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
    if _route(deposition).startswith("bia-screen"):
        lines.append(
            Preparation(
                METADATA,
                f"Ask {BIA_CONTACT} for the metadata template of your screen type before you fill the form; the "
                "file list takes Plate, Well and Field columns, and the compound or gene in each well.",
                "note-1",
            )
        )
    if any(_is_spatial_transcriptomics(dataset) for dataset in datasets):
        lines.append(
            Preparation(
                METADATA,
                "Fill the shared spatial-transcriptomics metadata table (Sample ID, Slide ID …) with the same "
                "identifiers as in the omics submission.",
                "beyond-policy:st-metadata-fields",
            )
        )
    lines.append(
        Preparation(
            TRANSFER,
            "Upload small data through the web; use FTP or Aspera for 10 GiB and more.",
            "beyond-policy:biostudies-upload",
        )
    )
    return lines


# What "the rawest form" is, by EM method; volume EM and X-ray data have no movies.
RAWEST_BY_EM_METHOD = {"single_particle": "unaligned movies", "cryo_et": "the raw tilt series"}
RAWEST_OTHERWISE = "the unprocessed image stacks or projections"


def _rawest(datasets: list[Mapping]) -> str:
    rawest = dict.fromkeys(RAWEST_BY_EM_METHOD.get(dataset.get("em_method"), RAWEST_OTHERWISE) for dataset in datasets)
    return " and ".join(rawest) or RAWEST_OTHERWISE


def _empiar_lines(deposition: Mapping, plan: Mapping, datasets: list[Mapping]) -> list[Preparation]:
    cites_emdb = any(
        item["in"] == deposition["key"] and any(key.startswith("emdb:") for key in item["cites"])
        for item in plan["linking"]
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
            "Release options: RE (directly after processing), EP (after the related EMDB entry is released), HP "
            "(after the primary citation is published), HO (release delayed by one year from deposition). Data is "
            "released under CC0.",
            "beyond-policy:empiar-transfer-release",
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


def _half_maps_needed(datasets: list[Mapping]) -> bool:
    return any(
        dataset.get("em_method") == "single_particle" or dataset.get("subtomogram_average") is True
        for dataset in datasets
    )


def _emdb_lines(deposition: Mapping, plan: Mapping, datasets: list[Mapping]) -> list[Preparation]:
    files = "Each entry has one primary map and an image; a tomogram is an entry of its own."
    if _half_maps_needed(datasets):
        files += " Half-maps are mandatory for single-particle and subtomogram-averaging maps."
    return [
        Preparation(FILES, files, "beyond-policy:emdb-onedep"),
        Preparation(
            METADATA,
            "Link the related depositions (EMPIAR, PDB) in OneDep's “Related depositions”.",
            "beyond-policy:emdb-onedep",
        ),
        Preparation(
            RELEASE,
            "A map may be held for at most one year from deposition; ask for the hold when you first deposit.",
            "beyond-policy:emdb-hold",
        ),
    ]


def _pdb_lines(deposition: Mapping, plan: Mapping, datasets: list[Mapping]) -> list[Preparation]:
    return [
        Preparation(
            FILES,
            "Deposit the model in the same OneDep session as its map, or after the map is in EMDB.",
            "beyond-policy:wwpdb-hold",
        ),
        Preparation(
            RELEASE,
            "A hold lasts at most one year; map and model share it when deposited together.",
            "beyond-policy:wwpdb-hold",
        ),
        Preparation(
            ACCESSION,
            "Cite the whole PDB ID you receive (pdb_ and eight characters once four-character IDs run out).",
            "beyond-policy:pdb-ids",
        ),
    ]


def _arrayexpress_lines(deposition: Mapping, plan: Mapping, datasets: list[Mapping]) -> list[Preparation]:
    return [
        Preparation(
            METADATA,
            "Sequencing metadata following MINSEQE, in Annotare's single cell sequencing template.",
            "beyond-policy:minseqe",
        ),
        Preparation(
            METADATA,
            "The shared spatial-transcriptomics metadata table (Sample ID, Slide ID …), with the same identifiers "
            "as in the image submission.",
            "beyond-policy:st-metadata-fields",
        ),
        Preparation(
            FILES,
            "Raw reads as compressed FASTQ or BAM, with the raw high-resolution tissue images. Human data only with "
            "consent for public release.",
            "beyond-policy:arrayexpress-st-submission",
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


def _pride_lines(deposition: Mapping, plan: Mapping, datasets: list[Mapping]) -> list[Preparation]:
    return [
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


def _metabolights_lines(deposition: Mapping, plan: Mapping, datasets: list[Mapping]) -> list[Preparation]:
    return [
        Preparation(
            METADATA,
            "Use MetaboLights' assay template for mass spectrometry imaging.",
            "beyond-policy:metabolights-msi",
        ),
        Preparation(
            ACCESSION,
            "The study receives an MTBLS accession to cite in the publication.",
            "beyond-policy:metabolights-accession",
        ),
    ]


def _ega_lines(deposition: Mapping, plan: Mapping, datasets: list[Mapping]) -> list[Preparation]:
    lines = [
        Preparation(
            METADATA,
            "A signed Data Processing Agreement, a Data Access Committee that decides who may use the data, and "
            "an authorised submitter; the data must match the participants' consent.",
            "beyond-policy:ega-submission",
        ),
        Preparation(
            RELEASE,
            "Access is controlled: readers apply to your Data Access Committee.",
            "beyond-policy:ega-controlled-access",
        ),
    ]
    if any(_is_spatial_transcriptomics(dataset) for dataset in datasets):
        lines.append(
            Preparation(
                METADATA,
                "The shared spatial-transcriptomics metadata table (Sample ID, Slide ID …), with the same "
                "identifiers as in the image submission.",
                "beyond-policy:st-metadata-fields",
            )
        )
    return lines


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


def preparations_for(*, deposition: Mapping, plan: Mapping, answers: Mapping) -> tuple[Preparation, ...]:
    """What to have ready before this deposition, most useful first; none for an archive we know nothing about."""
    lines = LINES_BY_ARCHIVE.get(deposition["archive"])
    if lines is None:
        return ()
    return tuple(lines(deposition, plan, _datasets(deposition, answers)))
