"""The clauses a reason can cite: the policy's own words, and marked well-known practice beyond it.

Policy clauses quote "Image archiving at EBI" (policy/sources/image-archiving-at-ebi.md, the copy we follow)
word for word. Clauses whose id starts with "beyond-policy:" come from the archives' own public pages
(policy/sources/ebi-archive-facts.md), each with its address, and are shown apart from the policy's words.
"""

from dataclasses import dataclass

POLICY_SOURCE = "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)"
# The policy is quoted from the copy this service serves (wizard's policy page), one anchor per clause: the
# policy page on the EBI site has no anchors of its own to cite.
POLICY_PAGE_PATH = "/policy/"
BEYOND_POLICY = "beyond-policy:"


@dataclass(frozen=True, slots=True)
class Clause:
    id: str
    title: str
    text: str
    source: str = POLICY_SOURCE
    # False where the text restates the policy rather than quoting it (the examples table's rows, whose
    # ✅/❌ cells are written out as words).
    verbatim: bool = True

    @property
    def beyond_policy(self) -> bool:
        return self.id.startswith(BEYOND_POLICY)

    @property
    def source_url(self) -> str:
        # This service's own advice has no page elsewhere: its source is its entry on the policy page.
        return self.source if self.source.startswith("http") else f"{POLICY_PAGE_PATH}#{self.id}"

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "source": self.source,
            "source_url": self.source_url,
            # Beyond-policy texts summarise the archives' pages; only the policy's own words can be quoted.
            "verbatim": self.verbatim and not self.beyond_policy,
            "beyond_policy": self.beyond_policy,
        }


POLICY_CLAUSES: tuple[Clause, ...] = (
    Clause(
        "background",
        "Background",
        "Image data should be deposited into the resource that can provide the most added value related to "
        "that deposition.",
    ),
    Clause(
        "background-patient",
        "Background: patient data",
        "Patient associated medical imaging data cannot currently be deposited into any resource at EBI.",
    ),
    Clause(
        "spatial-omics",
        "Spatial-omics data",
        "Within this framework, spatial data (i.e. images, segmentations etc.) pertinent to each of these "
        "domains is centralised within the BioImage Archive, while the corresponding omics data is deposited "
        "in relevant omics repositories. These datasets can then be linked to one another.",
    ),
    Clause(
        "spatial-omics-no-repository",
        "Spatial-omics data: no fitting omics repository",
        "For cases where the omics data doesn’t fit into any existing omics repositories, you can submit all "
        "data to the BioImage Archive along with the spatial data.",
    ),
    Clause(
        "rule-1",
        "Image data submission policy, 1",
        "EMPIAR accepts raw images underpinning 3D cryo-EM maps and tomograms, 3D images obtained with volume "
        "EM techniques, and soft and hard X-ray tomography imaging. Image data in these categories should be "
        "deposited into EMPIAR.",
    ),
    Clause(
        "rule-2",
        "Image data submission policy, 2",
        "All other imaging data associated with a publication should be deposited in the BioImage Archive, "
        "using the BioStudies/BioImage Archive shared submission system with an imaging-specific metadata "
        "template.",
    ),
    Clause(
        "rule-3",
        "Image data submission policy, 3",
        "For studies that generate both data suitable for EMPIAR and other image data (for example "
        "correlative X-ray/light microscopy), datasets should be deposited separately into EMPIAR and the "
        "BioImage Archive. Linking information, such as registrations or transformations into common "
        "coordinate space, should be deposited in the BioImage Archive.",
    ),
    Clause(
        "rule-4",
        "Image data submission policy, 4",
        "Image data may be moved between the EBI image data resources, according to operational need. "
        "Accession identifiers will remain valid.",
    ),
    Clause(
        "contact",
        "Queries",
        "For queries, please get in touch at image-presubmission@ebi.ac.uk.",
    ),
    Clause(
        "table-light-microscopy",
        "Examples: light microscopy",
        "Light microscopy: BioImage Archive ✅, EMPIAR ❌. Including many super-resolution techniques. "
        "Examples: S-BIAD287, S-BIAD332.",
        verbatim=False,
    ),
    Clause(
        "table-2d-em",
        "Examples: 2D electron microscopy",
        "2D Electron microscopy: BioImage Archive ✅, EMPIAR ❌. Note that 3D (volume) EM data should be "
        "deposited to EMPIAR. Examples: S-BIAD217, S-BIAD15.",
        verbatim=False,
    ),
    Clause(
        "table-high-content-screening",
        "Examples: high content screening images",
        "High content screening images: BioImage Archive ✅, EMPIAR ❌. Examples: S-BIAD29, S-BIAD235.",
        verbatim=False,
    ),
    Clause(
        "table-other-imaging",
        "Examples: other imaging",
        "Other imaging, e.g. AFM, ultrasound: BioImage Archive ✅, EMPIAR ❌. Includes all biological imaging "
        "methods not explicitly listed elsewhere. Examples: S-BIAD189, S-BIAD194.",
        verbatim=False,
    ),
    Clause(
        "table-cryo-em",
        "Examples: cryo-EM",
        "cryo-EM: BioImage Archive ❌, EMPIAR ✅. Examples: EMPIAR-10002, EMPIAR-10061.",
        verbatim=False,
    ),
    Clause(
        "table-cryo-et",
        "Examples: cryo-ET",
        "cryo-ET: BioImage Archive ❌, EMPIAR (✅). Examples: EMPIAR-10164, EMPIAR-10453.",
        verbatim=False,
    ),
    Clause(
        "table-volume-em-xm",
        "Examples: volume EM/XM",
        "Volume EM/XM: BioImage Archive ❌, EMPIAR ✅. Examples: EMPIAR-10462 (SBF-SEM), EMPIAR-10310 "
        "(FIB-SEM), EMPIAR-10087 (SXT).",
        verbatim=False,
    ),
    Clause(
        "table-correlative",
        "Examples: correlative microscopy where one component is 3D EM/XM",
        "Correlative microscopy where one component is 3D EM/XM: BioImage Archive ✅ (Light Microscopy data "
        "and correlation info), EMPIAR ✅ (EM/XM data). Examples: S-BIAD17 AND EMPIAR-10412, S-BSST729 AND "
        "EMPIAR-10847.",
        verbatim=False,
    ),
    Clause(
        "table-patient",
        "Examples: patient identifiable imaging data",
        "Patient identifiable imaging data: BioImage Archive ❌, EMPIAR ❌.",
        verbatim=False,
    ),
    Clause(
        "note-1",
        "Note 1: high content screening",
        "For high content screening studies, specific metadata templates are available for different screen "
        "types, e.g. compound screens, genetic knockout screens. Please contact us at "
        "bioimage-archive@ebi.ac.uk for more information.",
    ),
    Clause(
        "note-2-tomograms",
        "Note 2: cryo-ET tomograms",
        "For Cryo-ET, 3D tomograms: if there are only a small number, they should all be deposited to EMDB. "
        "If there are many, then one or a few representative tomograms should be deposited to EMDB; the rest "
        "can be deposited to EMPIAR.",
    ),
    Clause(
        "note-2-tilt-series",
        "Note 2: cryo-ET raw data",
        "Raw data (tilt series): should only be deposited to EMPIAR.",
    ),
    Clause(
        "note-3.1",
        "Note 3.1: correlative studies, EM/X-ray part",
        "For correlative studies: 3D EM or X-ray images should be deposited into EMPIAR.",
    ),
    Clause(
        "note-3.2",
        "Note 3.2: correlative studies, other modalities",
        "For correlative studies: Other modalities (e.g. Light Microscopy) should be deposited into the "
        "BioImage Archive.",
    ),
    Clause(
        "note-3.3",
        "Note 3.3: correlative studies, correlation information",
        "For correlative studies: Information that describes the correlation between the images from "
        "modalities, e.g. transformations into a shared physical coordinate space, registrations etc. should "
        "be deposited into the BioImage Archive.",
    ),
    Clause(
        "note-3-protocol",
        "Note 3: the Iudin et al 2021 protocol",
        "For more information, see Iudin et al 2021, though note that where the protocol references "
        "deposition to BioStudies, the “BioImaging” template should be used during deposition.",
    ),
)

BEYOND_POLICY_CLAUSES: tuple[Clause, ...] = (
    Clause(
        "beyond-policy:bia-submission",
        "BioImage Archive: how to submit",
        "Submitted through the BioStudies submission system: register, upload the data, prepare a file list "
        "(a .tsv, .xls or .xlsx file whose first column header is Files), fill the web form with the "
        "imaging (BioImaging, REMBI) template. Large uploads by FTP or Aspera.",
        "https://www.ebi.ac.uk/bioimage-archive/submit/",
    ),
    Clause(
        "beyond-policy:emdb-maps",
        "EMDB: maps to EMDB, models to the PDB, raw data to EMPIAR, cross-referenced",
        "Reconstructions go to EMDB, models to PDB, raw data (tilt series included) to EMPIAR, each "
        "referencing the others.",
        "http://emdataresource.org/news/emdb_policy_2020.html",
    ),
    Clause(
        "beyond-policy:emdb-onedep",
        "EMDB: deposition through wwPDB OneDep",
        "Deposition through wwPDB OneDep; a primary map and an image are required; half-maps for "
        "single-particle, subtomogram-averaging and helical maps. Related depositions can be linked in "
        "OneDep.",
        "https://www.ebi.ac.uk/emdb/pages/documentation/deposition/general",
    ),
    Clause(
        "beyond-policy:empiar-emdb-link",
        "EMPIAR: entries tied to EMDB entries",
        "EMPIAR entries are normally associated with one or more EMDB entries (note the EMD accession before "
        "starting). Exceptions include 3D modalities that EMDB does not cover (e.g. 3D SEM, soft X-ray "
        "tomography).",
        "https://empiar.org/deposition/manual",
    ),
    Clause(
        "beyond-policy:empiar-raw",
        "EMPIAR: the rawest form of the data",
        "Deposit the rawest form of the data (e.g. unaligned movies); intermediate files are welcome.",
        "https://www.ebi.ac.uk/empiar/faq",
    ),
    Clause(
        "beyond-policy:empiar-cc0",
        "EMPIAR: data released under CC0",
        "EMPIAR data is released under CC0.",
        "https://empiar.org/policies",
    ),
    Clause(
        "beyond-policy:omics-first",
        "Spatial omics: order and linking",
        "Submit the omics part first (ENA or ArrayExpress), then the images to the BioImage Archive, and link "
        "the two submissions.",
        "https://www.ebi.ac.uk/bioimage-archive/help-submit-ST",
    ),
    Clause(
        "beyond-policy:arrayexpress",
        "ArrayExpress: sequencing-based spatial transcriptomics, single cell sequencing template",
        "ArrayExpress (through Annotare, single cell sequencing template) takes sequencing-based spatial "
        "transcriptomics; raw reads go on to ENA. Imaging-based spatial transcriptomics readouts are not "
        "taken there and stay with the images in the BioImage Archive.",
        "https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html",
    ),
    Clause(
        "beyond-policy:st-metadata",
        "Spatial transcriptomics: shared metadata table",
        "A shared spatial-transcriptomics metadata table exists; Sample ID, Slide ID and others are required "
        "on both sides.",
        "https://www.ebi.ac.uk/spatial-transcriptomics/metadata",
    ),
    Clause(
        "beyond-policy:omics-repositories",
        "EMBL-EBI data resources: PRIDE for proteomics, MetaboLights for metabolomics",
        "EMBL-EBI's data resources by data type: proteomics in PRIDE, metabolomics in MetaboLights.",
        "https://www.ebi.ac.uk/services/data-resources-and-tools",
    ),
    Clause(
        "beyond-policy:idr",
        "High-content screens: the IDR adds value, it is not the archive of record",
        "The Image Data Resource (IDR) is a curated added-value resource for screens, not the archive of record.",
        "https://idr.openmicroscopy.org/about/faq/",
    ),
    Clause(
        "beyond-policy:bia-file-list",
        "BioImage Archive: file lists",
        "One file list per study component or annotation set: first header Files, one file per row, no blank rows, "
        "/ as separator, case-sensitive names. Further columns are free (e.g. Plate, Well, Field for screens); folder "
        "names are not shown to users, so meaning carried by paths belongs in the file list.",
        "https://www.ebi.ac.uk/bioimage-archive/help-file-list",
    ),
    Clause(
        "beyond-policy:bia-scope",
        "BioImage Archive: development principles that exclude medical imaging",
        "“The BioImage Archive should store and make available imaging datasets from molecular to organism scale, "
        "excluding medical imaging in its initial development.”",
        "https://www.ebi.ac.uk/bioimage-archive/project-developments/",
    ),
    Clause(
        "beyond-policy:human-samples",
        "BioImage Archive: a study of human tissue images",
        "S-BIAD1407, a BioImage Archive study of colorectal cancer H&E slides: research microscopy of human tissue "
        "samples is archived there.",
        "https://www.ebi.ac.uk/biostudies/BioImages/studies/S-BIAD1407",
    ),
    Clause(
        "beyond-policy:biostudies-upload",
        "BioStudies: web upload for small data, FTP or Aspera for large",
        "Upload through the web for small data; FTP or Aspera for large data (10 GiB and more).",
        "https://www.ebi.ac.uk/biostudies/submit",
    ),
    Clause(
        "beyond-policy:empiar-cryo-et",
        "EMPIAR: cryo-ET entries and EMDB",
        "The EMPIAR manual's exceptions to being tied to an EMDB entry are 3D modalities EMDB does not cover (3D "
        "SEM, SXT); EMDB does cover electron tomography (tomograms, subtomogram averages). Other cases: contact "
        "EMPIAR (empiar-help@ebi.ac.uk) before depositing.",
        "https://empiar.org/deposition/manual",
    ),
    Clause(
        "beyond-policy:empiar-transfer",
        "EMPIAR: data transferred by Aspera, Globus or empiar-depositor",
        "Data is transferred by Aspera or Globus, or with the empiar-depositor command-line tool (on PyPI).",
        "https://empiar.org/deposition/manual",
    ),
    Clause(
        "beyond-policy:empiar-release",
        "EMPIAR: release options, and telling EMDB and the PDB the EMPIAR accession",
        "Release options in an EMPIAR deposition: RE (directly after the submission has been processed), EP (after "
        "the related EMDB entry has been released), HP (after the related primary citation has been published), HO "
        "(delay release of entry by one year from the date of deposition). Depositors are encouraged to inform EMDB "
        "and PDB (as appropriate) about the EMPIAR accession.",
        "https://empiar.org/deposition/manual",
    ),
    Clause(
        "beyond-policy:emdb-one-map",
        "EMDB: one primary map per entry",
        "Each EMDB entry has one primary map.",
        "https://www.ebi.ac.uk/emdb/pages/documentation/deposition/general",
    ),
    Clause(
        "beyond-policy:emdb-half-maps",
        "EMDB: half-maps mandatory for single-particle and subtomogram-averaging maps",
        "Half-maps are mandatory for single-particle, subtomogram-averaging and helical maps.",
        "https://www.ebi.ac.uk/emdb/pages/documentation/deposition/general",
    ),
    Clause(
        "beyond-policy:emdb-raw-data",
        "EMDB: all raw data, tilt series included, encouraged in EMPIAR",
        "EMDB strongly encourages depositing all raw data (tilt series included) in EMPIAR.",
        "http://emdataresource.org/news/emdb_policy_2020.html",
    ),
    Clause(
        "beyond-policy:pdb-onedep",
        "PDB: atomic models through OneDep",
        "Atomic models go to the PDB through the same wwPDB OneDep system as EMDB maps; related depositions can be "
        "linked in OneDep.",
        "http://www.wwpdb.org/deposition/faq",
    ),
    Clause(
        "beyond-policy:arrayexpress-st",
        "ArrayExpress: tissue images with the reads, human data only with consent to public release",
        "The submission includes the raw high-resolution tissue images alongside the sequencing data; human data "
        "only with consent for public release.",
        "https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html",
    ),
    Clause(
        "beyond-policy:arrayexpress-functional-genomics",
        "ArrayExpress: functional genomics",
        "ArrayExpress accepts all functional genomics data (e.g. ChIP-seq, ATAC-seq, single-cell RNA-seq) through "
        "Annotare.",
        "https://ebi-gene-expression-group.github.io/annotare-help/pages/what_to_submit.html",
    ),
    Clause(
        "beyond-policy:arrayexpress-release",
        "ArrayExpress: release once cited",
        "Once an accession is cited in a publication (preprints included), the dataset must be released.",
        "https://ebi-gene-expression-group.github.io/annotare-help/pages/after_sub_modify_data.html",
    ),
    Clause(
        "beyond-policy:ega",
        "EGA: human data consented for research, not for open release",
        "The European Genome-phenome Archive takes potentially identifiable human genetic and phenotypic data "
        "consented for research use but not for open public release.",
        "https://ega-archive.org/submission/",
    ),
    Clause(
        "beyond-policy:metabolights-msi",
        "MetaboLights: mass-spectrometry imaging",
        "MetaboLights has an MS-imaging assay template.",
        "https://ebi-metabolights.github.io/mtbls-validation/file-structures/assay-file-structure/MSImaging/"
        "assay-file-MSImaging-v1.0",
    ),
    Clause(
        "beyond-policy:deposition-order",
        "Order of depositions (this service's advice)",
        "A deposition that cites another's accession is made after it, so that the accession exists when it is "
        "needed: omics data before the images (as the BioImage Archive's spatial-transcriptomics guide says), EMDB "
        "before EMPIAR (the EMPIAR manual asks for the EMD accession first), the BioImage Archive's linking "
        "information last.",
        "depositwizard's own advice, drawn from the archives' guidance above",
    ),
    # What each archive asks a depositor to have ready (issue 12's "before you start" lists and drafts).
    Clause(
        "beyond-policy:bia-study-components",
        "BioImage Archive: study components",
        "A submission has one or more study components (biosample, specimen, image acquisition, and correlation "
        "or analysis where relevant); a sample imaged by different methods is split into components.",
        "https://www.ebi.ac.uk/training/online/courses/bioimage-archive-quick-tour/",
    ),
    Clause(
        "beyond-policy:rembi",
        "REMBI: the metadata of a BioImage Archive submission",
        "REMBI, the Recommended Metadata for Biological Images, describes a submission in sections: study, study "
        "component, biosample, specimen, image acquisition, image correlation, image analysis.",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC8606015",
    ),
    Clause(
        "beyond-policy:empiar-deposition-schema",
        "EMPIAR: the deposition's required fields",
        "The EMPIAR deposition JSON schema (empiar_deposition.schema.json in the empiar-depositor package, "
        "Apache-2.0) requires title, release_date, experiment_type, authors, corresponding_author, "
        "principal_investigator, imagesets and citation. It lists the image formats MRC, MRCS, TIFF, IMAGIC, DM3, "
        "DM4, SPIDER, EER, PNG, JPEG, SMV, EM, TPX3 and BigDataViewer HDF5 (others by name), and writes EMDB "
        "references as EMD- and four or more digits, EMPIAR references as EMPIAR- and digits.",
        "https://pypi.org/project/empiar-depositor/",
    ),
    Clause(
        "beyond-policy:empiar-transfer-release",
        "EMPIAR manual: transfers, release options, the EMPIAR accession told to EMDB and the PDB",
        "Data travels by Aspera or Globus (also with the empiar-depositor command-line tool). Release options: RE "
        "(directly after the submission has been processed), EP (after the related EMDB entry has been released), HP "
        "(after the related primary citation has been published), HO (delay release of entry by one year from the "
        "date of deposition). Tell EMDB/PDB the EMPIAR accession afterwards.",
        "https://empiar.org/deposition/manual",
    ),
    Clause(
        "beyond-policy:empiar-depositor",
        "EMPIAR: submitting with empiar-depositor",
        "empiar-depositor submits a deposition JSON with the data: it needs an API token, which you generate at "
        "https://empiar.org/deposition/api_token, and, for Aspera, the transfer password (EMPIAR_TRANSFER_PASS), "
        "which the EMPIAR team provides; -s stops before the final submit; the data folder holds the folders the "
        "JSON's image sets name.",
        "https://pypi.org/project/empiar-depositor/",
    ),
    Clause(
        "beyond-policy:onedep-api",
        "wwPDB OneDep: deposition API",
        "OneDep has a deposition API (Python client onedep-lib): it creates a deposition from the depositor's "
        "e-mail, the ORCID iDs given access to it and a country, with the EM subtype, and uploads maps, half-maps "
        "and the image; the rest is finished in the deposition web interface.",
        "https://pypi.org/project/onedep-lib/",
    ),
    Clause(
        "beyond-policy:emdb-hold",
        "EMDB: holding a map before release",
        "Maps may be held before release for no longer than one year from the deposition date; a hold must be "
        "requested at the initial deposition. EMDataResource encourages releasing data as soon as possible.",
        "https://www.emdataresource.org/hold_policy.html",
    ),
    Clause(
        "beyond-policy:wwpdb-hold",
        "PDB: a model's map in EMDB first or with it; holds of at most a year",
        "Deposition to the PDB of a 3DEM model requires prior or simultaneous deposition of its map to EMDB. wwPDB "
        "and EMDB allow a hold of at most one year; for joint depositions the hold is the same for maps and models.",
        "https://instruct-eric.org/network/west-life/news/announcement-map-volume-deposition-to-emdb-will-be-"
        "mandatory-for-pdb-depositions-of-3dem-models-star",
    ),
    Clause(
        "beyond-policy:pdb-ids",
        "PDB: IDs to cite whole",
        "PDB IDs have four characters (e.g. 1abc) until they run out; extended PDB IDs are pdb_ followed by eight "
        "letters or digits (e.g. pdb_00001abc). Cite the whole ID, prefix and zeros included.",
        "https://www.wwpdb.org/documentation/pdb-id-extension-faq",
    ),
    Clause(
        "beyond-policy:arrayexpress-submission",
        "ArrayExpress: accession and privacy",
        "After submitting in Annotare you receive the experiment accession by email, usually within 24 hours; it "
        "does not change, so quote it in the manuscript. The experiment stays private until its release date, which "
        "you can change at any time.",
        "https://www.ebi.ac.uk/fg/annotare/help/submit_exp.html",
    ),
    Clause(
        "beyond-policy:arrayexpress-accession",
        "ArrayExpress: accession numbers",
        "ArrayExpress experiments have accessions E-XXXX-n; MTAB is the code of Annotare submissions "
        "(e.g. E-MTAB-12345).",
        "https://www.ebi.ac.uk/arrayexpress/help/accession_codes.html",
    ),
    Clause(
        "beyond-policy:minseqe",
        "ArrayExpress: MINSEQE",
        "Sequencing submissions to ArrayExpress follow MINSEQE, the minimum information about a sequencing experiment.",
        "https://www.fged.org/projects/minseqe",
    ),
    Clause(
        "beyond-policy:arrayexpress-st-submission",
        "ArrayExpress: the files of a spatial transcriptomics submission",
        "A spatial transcriptomics submission includes the raw high-resolution tissue images alongside the "
        "sequencing data (compressed FASTQ or BAM); human data only with consent for public release.",
        "https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html",
    ),
    Clause(
        "beyond-policy:pride-submission",
        "PRIDE: the submission tool and the PXD accession",
        "Submit with the PRIDE Submission tool (or Globus). After curation the submitter receives the dataset "
        "identifier (PXD and six digits) and reviewer credentials; processing can take up to five working days.",
        "https://www.ebi.ac.uk/pride/markdownpage/submitdatapage",
    ),
    Clause(
        "beyond-policy:metabolights-accession",
        "MetaboLights: the MTBLS accession to cite",
        "Studies receive a stable unique accession (MTBLS and digits, e.g. MTBLS1) to cite in the publication.",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC3531110",
    ),
    Clause(
        "beyond-policy:ega-submission",
        "EGA: what a submission needs",
        "Each EGA submission needs a signed Data Processing Agreement, data consistent with the participants' "
        "informed consent, a submitter authorised by the organisation, and a Data Access Committee that decides "
        "who may use the data.",
        "https://www.ebi.ac.uk/training/online/courses/ega-quick-tour/submitting-data-to-ega",
    ),
    Clause(
        "beyond-policy:ega-controlled-access",
        "EGA: access by formal application",
        "The EGA archives potentially identifiable human genetic and phenotypic data consented for research use "
        "but not for open public release; access needs a formal application.",
        "https://ega-archive.org/submission/",
    ),
    Clause(
        "beyond-policy:st-metadata-fields",
        "Spatial transcriptomics: the shared table's sample fields",
        "Sample fields of the shared table, for imaging-based and sequencing-based spatial transcriptomics alike: "
        "Sample ID, Slide ID, sample preservation method, organism name, section thickness, protocol for fixing "
        "section and organ are required; position on slide and time from collection to preservation are optional. "
        "The page lists further fields.",
        "https://www.ebi.ac.uk/spatial-transcriptomics/metadata",
    ),
    # Checked 2026-12-05 (policy/sources/ebi-archive-facts.md, the section of that date).
    Clause(
        "beyond-policy:bia-open-access",
        "BioImage Archive: open to any researcher",
        "The BioImage Archive's roadmap states the vision “that any researcher can freely access and reuse any "
        "bioimage stored in there”.",
        "https://www.ebi.ac.uk/bioimage-archive/our-roadmap/",
    ),
    Clause(
        "beyond-policy:consent-open-release",
        "Consent before any open archive (this service's advice)",
        "Every archive a plan names except the EGA releases what it holds, sample metadata included, to anyone. "
        "Data derived from human participants is therefore planned for those archives only when the participants "
        "consented (or an ethics committee approved) to open release of that data and its sample metadata. "
        "Otherwise sequencing reads go to the EGA under controlled access, and the plan names whom to ask about "
        "the rest.",
        "depositwizard's own advice, drawn from the archives' pages cited beside it",
    ),
    Clause(
        "beyond-policy:pride-metabolights-open",
        "PRIDE and MetaboLights: open release, sample metadata included",
        "PRIDE and MetaboLights release the data they hold openly, sample metadata included; controlled access for "
        "human proteomics data is still being discussed.",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC8056256",
    ),
    Clause(
        "beyond-policy:wsi-deidentification",
        "Whole-slide images: label and macro images, scanner metadata",
        "Whole-slide image files carry label and macro images and scanner metadata that can identify patients: "
        "remove them before sharing the slides.",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC10185865",
    ),
    Clause(
        "beyond-policy:ega-access",
        "EGA: access per dataset, from its Data Access Committee",
        "To gain access to a dataset, requesters contact the Data Access Committee that controls access to it; its "
        "contact is on the dataset's page. Each study has a stable accession to cite in publications.",
        "https://web3.ega-archive.org/access/faq/",
    ),
    Clause(
        "beyond-policy:ega-consent",
        "EGA: only data whose consent requires controlled access",
        "“The EGA will not accept your data unless you can confirm that your consents require controlled access "
        "distribution.” Each study is assigned a stable accession (EGAS…) to cite in publications.",
        "https://web2.ega-archive.org/submission/FAQ",
    ),
    Clause(
        "beyond-policy:ega-inbox",
        "EGA: encrypted upload to the inbox",
        "Files are encrypted with Crypt4GH and uploaded to the EGA inbox of the submitter account before their "
        "metadata is registered.",
        "https://ega-archive.org/submission/data/uploading-files/inbox",
    ),
    Clause(
        "beyond-policy:ega-submitter-portal",
        "EGA: metadata in the Submitter Portal",
        "Metadata is registered in the EGA Submitter Portal (or its API): study, samples (with donor attributes "
        "such as sex and phenotype), experiments, runs, a Data Access Committee, a data access policy and a "
        "dataset. A submission takes about a month.",
        "https://ega-archive.org/submission/tools/submitter-portal",
    ),
    Clause(
        "beyond-policy:arrayexpress-processed-only",
        "ArrayExpress: processed data only for human data that cannot be public",
        "“If raw data from human material experiments cannot be released publicly, we can accept submissions with "
        "processed data only … A curator will need to approve the submission” (annotare@ebi.ac.uk).",
        "https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html",
    ),
    Clause(
        "beyond-policy:pride-mass-spectrometry",
        "PRIDE: mass-spectrometry proteomics",
        "PRIDE takes mass-spectrometry proteomics data. Imaging-based proteomics (CODEX/PhenoCycler, IMC, MIBI, "
        "CyCIF) produces images, not mass spectra: those stay with the images in the BioImage Archive.",
        "https://www.ebi.ac.uk/pride/markdownpage/submitdatapage",
    ),
    Clause(
        "beyond-policy:empiar-publication",
        "EMPIAR: 3D SEM and soft X-ray data tied to a publication",
        "For 3D scanning electron microscopy, soft X-ray tomography and 2D EM from integrative modelling, EMPIAR "
        "requires “that the data set is directly related to a publication or is a part of a community initiative, "
        "e.g. as benchmarking data”.",
        "https://www.ebi.ac.uk/empiar/faq",
    ),
    Clause(
        "beyond-policy:metabolights-editor",
        "MetaboLights: studies made and submitted in the Online Editor",
        "Studies are created, validated and submitted in the MetaboLights Online Editor (“Submit study”, from a "
        "MetaboLights account).",
        "https://github.com/EBI-Metabolights/guides",
    ),
    # Checked 2026-12-07 (policy/sources/ebi-archive-facts.md, the section of that date, and the pages named).
    Clause(
        "beyond-policy:onedep-web",
        "wwPDB OneDep: the web route, without an account",
        "A OneDep deposition through the web needs no account: its deposition ID and password arrive by e-mail, "
        "and contact authors may sign in with their ORCID iD instead. First-time OneDep contact authors verify their "
        "e-mail address before they can create new depositions. Contact authors' ORCID iDs are mandatory.",
        "https://pdbj.org/news/ORCID_Login",
    ),
    Clause(
        "beyond-policy:onedep-api-key",
        "wwPDB OneDep: an API key for scripted depositions",
        "Depositing through OneDep's API needs an API key, generated in OneDep after signing in with an ORCID iD.",
        "https://pypi.org/project/onedep-deposition/",
    ),
    Clause(
        "beyond-policy:wwpdb-preprint",
        "wwPDB: a preprint that cites an entry releases it",
        "Contributions to public preprint archives that reference PDB, EMDB, or BMRB entry IDs are considered "
        "publications by the wwPDB and will therefore trigger release.",
        "https://lists.wwpdb.org/empathy/thread/PMTYAIA6Z2VPU23CFY5ZNDOCYWOUJ44C",
    ),
    Clause(
        "beyond-policy:empiar-unsubmitted",
        "EMPIAR: depositions not submitted within 12 months are deleted",
        "Unsubmitted EMPIAR depositions are deleted after 12 months.",
        "https://www.ebi.ac.uk/empiar/policies_update/",
    ),
    Clause(
        "beyond-policy:bia-upload-area",
        "BioImage Archive: files left in the upload area",
        "Files left in the BioImage Archive's upload area for more than 3 months may be deleted.",
        # The BioImage Archive's policies, version 1.1 (gathered 2026-12-07 with the archives' public APIs).
        "https://www.ebi.ac.uk/bioimage-archive/policies/",
    ),
    Clause(
        "beyond-policy:empiar-account",
        "EMPIAR: depositors sign in with an EMPIAR account or an ORCID iD",
        "EMPIAR's deposition system identifies its depositors by an EMPIAR user account, or by their ORCID iD "
        "through EMBL-EBI's ORCID hub.",
        "https://project-thor.eu/2016/08/24/orcid-integration-series-embl-ebi/",
    ),
    Clause(
        "beyond-policy:annotare-upload",
        "Annotare: large files by FTP, Aspera or Globus",
        "Files of 1 GB or more are uploaded to Annotare by FTP, Aspera or Globus, not through the browser.",
        "https://ebi-gene-expression-group.github.io/annotare-help/pages/file_upload.html",
    ),
    Clause(
        "beyond-policy:empiar-biostudies",
        "EMPIAR: an entry's BioStudies and BioImage Archive references",
        "An EMPIAR deposition names the BioStudies (BioImage Archive) studies it relates to in biostudies_references "
        "(accessions starting S-, e.g. S-BIAD17 beside EMPIAR-10412).",
        "https://pypi.org/project/empiar-depositor/",
    ),
    Clause(
        "beyond-policy:empiar-microed",
        "EMPIAR: microcrystal electron diffraction, diffraction images",
        "EMPIAR's deposition schema names experiment type 9, microcrystal electron diffraction, and image category "
        "T12, diffraction images.",
        "https://pypi.org/project/empiar-depositor/",
    ),
    Clause(
        "beyond-policy:emdb-electron-diffraction",
        "EMDB: the final 3D reconstruction of an electron diffraction experiment",
        "The final 3D reconstruction from a single-particle, electron tomography or electron diffraction experiment "
        "can be deposited to EMDB; image data related to EMDB entries can be deposited to EMPIAR.",
        "https://www.ebi.ac.uk/empiar/faq",
    ),
    Clause(
        "beyond-policy:pdb-microed",
        "PDB: structures determined by 3D electron diffraction (MicroED)",
        "Structures determined by 3D electron diffraction (3D ED/MicroED) are deposited in the PDB, whose data model "
        "for electron diffraction the wwPDB is extending for them.",
        "https://github.com/wwPDB/microed-extension/blob/master/electron-diffraction.md",
    ),
    Clause(
        "beyond-policy:onedep-structure-factors",
        "wwPDB OneDep: coordinates and structure factors uploaded together",
        "In OneDep's File upload page the depositor uploads the coordinate and structure factor files, then selects "
        "each file's type.",
        "http://www.wwpdb.org/deposition/tutorial",
    ),
    Clause(
        "beyond-policy:bia-annotations",
        "BioImage Archive: annotations with or without their images",
        "Annotations, i.e. segmentation masks, meshes etc., can be submitted with or without including the source "
        "images.",
        "https://www.ebi.ac.uk/bioimage-archive/submit/",
    ),
    Clause(
        "beyond-policy:empiar-downstream",
        "EMPIAR: downstream files welcome beside the raw data",
        "Beyond the rawest form of the data, downstream and intermediate files are encouraged: ideally, as much as "
        "possible should be provided. For volume EM and X-ray methods EMPIAR takes image data and final "
        "reconstructions where available.",
        "https://www.ebi.ac.uk/empiar/faq",
    ),
    Clause(
        "beyond-policy:related-data-links",
        "Data that is not images, cited by the study's depositions (this service's advice)",
        "The policy covers image data. A study's other data (sequencing, mass-spectrometry proteomics, metabolomics) "
        "goes to its repository, and each image or structure deposition of the study cites its accession, as the "
        "archives' own linking guidance has images cite their omics data and maps their raw data and models.",
        "depositwizard's own advice, drawn from the archives' guidance above",
    ),
)

CLAUSES: dict[str, Clause] = {clause.id: clause for clause in POLICY_CLAUSES + BEYOND_POLICY_CLAUSES}
